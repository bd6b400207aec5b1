package org.botarena.web.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An API error: 400 for a bad parameter (which one, and what it takes), 404 for an unknown id. The
 * answer carries its JSON body itself, so the portal's HTML error page is never sent instead.
 */
public final class ApiError extends WebApplicationException {

  private static final long serialVersionUID = 1L;

  /** The body of an error answer. */
  @Schema(name = "Error", description = "What was wrong with the request.")
  public record Body(
      @Schema(description = "HTTP status", example = "400") int status,
      @Schema(description = "what was wrong, in words", example = "limit must be 1 to 500")
          String error,
      @Schema(description = "the query or path parameter at fault (400 only)", example = "limit")
          String parameter) {}

  private ApiError(int status, String message, String parameter) {
    super(
        message,
        Response.status(status)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Answers.json(new Body(status, message, parameter)))
            .header("Cache-Control", "no-store")
            .build());
  }

  /** 400: {@code parameter}'s value is not one it takes. */
  public static ApiError badParameter(String parameter, String message) {
    return new ApiError(400, message, parameter);
  }

  /** 404: nothing has this id (or the caller may not see it). */
  public static ApiError notFound(String message) {
    return new ApiError(404, message, null);
  }
}
