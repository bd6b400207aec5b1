package org.botarena.web.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * An {@link ApiError}'s answer: its status with its JSON body (so that the portal's HTML error page
 * is never sent instead), never stored by a cache.
 */
@Provider
public class ApiErrorAnswer implements ExceptionMapper<ApiError> {

  @Override
  public Response toResponse(ApiError error) {
    return Response.status(error.status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Answers.json(error.body()))
        .header("Cache-Control", "no-store")
        .build();
  }
}
