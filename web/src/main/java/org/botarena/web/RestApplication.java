package org.botarena.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * REST resources live under {@code /arena/api}; the public read API under {@code /arena/api/v1}
 * (package {@code org.botarena.web.api}, docs/api.md), described by Payara's MicroProfile OpenAPI
 * at {@code /openapi}.
 */
@ApplicationPath("api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Bot Arena API",
            version = "1",
            description =
                "Read-only: leaderboards, bots and rating histories, matches, tournaments. Paged"
                    + " (limit 1-500, offset 0-10000), cacheable (ETag, If-None-Match: 304),"
                    + " anonymous; a portal session additionally sees its team's debug games."
                    + " docs/api.md."))
public class RestApplication extends Application {}
