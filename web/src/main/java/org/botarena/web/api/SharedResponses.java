package org.botarena.web.api;

/**
 * The names of the answers every endpoint of the API shares (304, 400), described once in the
 * OpenAPI document's components ({@code RestApplication}) and referred to by these names.
 */
public final class SharedResponses {

  public static final String NOT_MODIFIED = "NotModified";
  public static final String BAD_REQUEST = "BadRequest";

  private SharedResponses() {}
}
