package org.botarena.web.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An API error: 400 for a bad parameter (which one, and what it takes), 404 for an unknown id;
 * {@link ApiErrorAnswer} turns it into the answer with its JSON {@link Body}.
 */
public final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The body of an error answer. */
  @Schema(
      name = "Error",
      description =
          "What was wrong with the request: status (400 or 404), error (in words) and parameter"
              + " (the query or path parameter at fault; null for a 404).")
  public record Body(int status, String error, String parameter) {}

  private final int status;
  private final String parameter;

  private ApiError(int status, String message, String parameter) {
    super(message);
    this.status = status;
    this.parameter = parameter;
  }

  /** 400: {@code parameter}'s value is not one it takes. */
  public static ApiError badParameter(String parameter, String message) {
    return new ApiError(400, message, parameter);
  }

  /** 404: nothing has this id (or the caller may not see it). */
  public static ApiError notFound(String message) {
    return new ApiError(404, message, null);
  }

  public int status() {
    return status;
  }

  /** The parameter at fault; null for a 404. */
  public String parameter() {
    return parameter;
  }

  Body body() {
    return new Body(status, getMessage(), parameter);
  }
}
