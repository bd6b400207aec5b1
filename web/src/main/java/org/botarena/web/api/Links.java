package org.botarena.web.api;

import jakarta.ws.rs.core.UriInfo;

/**
 * Paths of the application, as the caller reached it ({@code /arena/...}): host-free, so that they
 * hold behind a proxy.
 */
final class Links {

  private final String api;

  Links(UriInfo uri) {
    this.api = uri.getBaseUri().getRawPath(); // "/arena/api/"
  }

  /** A path under {@code /arena/api/}, e.g. {@code v1/bots/7}. */
  String api(String path) {
    return api + path;
  }

  /** A page of the portal, e.g. {@code replay.xhtml?match=...}. */
  String portal(String page) {
    return api.substring(0, api.length() - "api/".length()) + page;
  }
}
