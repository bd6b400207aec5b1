package org.botarena.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** REST resources live under {@code /arena/api}. */
@ApplicationPath("api")
public class RestApplication extends Application {}
