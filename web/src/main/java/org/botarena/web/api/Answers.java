package org.botarena.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The API's answers: a record as JSON (JSON-B, snake_case names, nulls written, properties in
 * lexicographic order so that one value is always the same bytes), tagged with a hash of those
 * bytes, so that a repeated request with {@code If-None-Match} gets 304 and no body.
 *
 * <p>Anonymous answers are {@code public, max-age=}{@value #MAX_AGE_SECONDS}: any cache may keep
 * them a few seconds (ratings move with every match), then revalidate with the tag. A signed-in
 * caller's answers may hold the team's debug games, so they are {@code private, no-cache}: kept by
 * the browser only, revalidated on every use. {@code Vary: Cookie} tells caches the two apart.
 */
final class Answers {

  static final int MAX_AGE_SECONDS = 5;

  private static final Jsonb JSONB =
      JsonbBuilder.create(
          new JsonbConfig()
              .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
              .withNullValues(true));

  private Answers() {}

  /** {@code body} as JSON, or 304 when the caller has it already. */
  static Response ok(Request request, SecurityContext security, Object body) {
    byte[] json = json(body).getBytes(StandardCharsets.UTF_8);
    EntityTag tag = new EntityTag(hash(json));
    CacheControl cache = cacheFor(security.getUserPrincipal() != null);
    Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
    Response.ResponseBuilder answer =
        notModified != null ? notModified : Response.ok(json, MediaType.APPLICATION_JSON_TYPE);
    return answer.tag(tag).cacheControl(cache).header("Vary", "Cookie").build();
  }

  static String json(Object body) {
    return JSONB.toJson(body);
  }

  static CacheControl cacheFor(boolean signedIn) {
    CacheControl cache = new CacheControl();
    if (signedIn) {
      cache.setPrivate(true);
      cache.setNoCache(true);
    } else {
      cache.setMaxAge(MAX_AGE_SECONDS);
      // JAX-RS has no setter for "public"; an extension is written as a directive of its own
      cache.getCacheExtension().put("public", null);
    }
    cache.setNoTransform(false);
    return cache;
  }

  /** 22 characters of the body's SHA-256 (URL-safe Base64 of its first 16 bytes). */
  static String hash(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
