package org.botarena.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.botarena.web.api.ApiError;
import org.botarena.web.api.SharedResponses;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
                    + " docs/api.md."),
    // the answers every endpoint shares, described once and referred to by name
    components =
        @Components(
            responses = {
              @APIResponse(
                  name = SharedResponses.NOT_MODIFIED,
                  description = "not modified since the ETag sent"),
              @APIResponse(
                  name = SharedResponses.BAD_REQUEST,
                  description = "a bad parameter or id; the error's message names it",
                  content = @Content(schema = @Schema(implementation = ApiError.Body.class)))
            }))
public class RestApplication extends Application {}
