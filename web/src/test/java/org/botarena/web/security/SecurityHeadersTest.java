package org.botarena.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Before: no CSP, no nosniff, no Referrer-Policy; the session cookie had neither SameSite nor
 * Secure.
 */
class SecurityHeadersTest {

  @Test
  void everyAnswerCarriesNosniffAndAReferrerPolicy() {
    Map<String, Object> headers = new HashMap<>();
    SecurityHeaders.apply(recorder(HttpServletResponse.class, "setHeader", headers));
    assertEquals("nosniff", headers.get("X-Content-Type-Options"));
    assertEquals("strict-origin-when-cross-origin", headers.get("Referrer-Policy"));
  }

  /** Before: script-src allowed 'unsafe-inline' (PrimeFaces rendered its scripts inline). */
  @Test
  void thePolicyAllowsNoInlineScriptAndEndsWithScriptSrcForPrimeFacesNonce() {
    String csp = SecurityHeaders.POLICY;
    for (String directive :
        new String[] {
          "default-src 'self'",
          "object-src 'none'",
          "frame-ancestors 'none'",
          "base-uri 'self'",
          "form-action 'self'",
          "connect-src 'self'"
        }) {
      assertTrue(csp.contains(directive), directive);
    }
    assertTrue(!csp.contains("unsafe-eval") && !csp.contains("*"), csp);
    assertTrue(
        csp.endsWith("; script-src 'self'"),
        "PrimeFaces appends ' 'nonce-...';' to the policy: " + csp);
    assertEquals(1, csp.split("script-src", -1).length - 1, csp);
    assertEquals(
        "'self' 'unsafe-inline'",
        csp.replaceAll(".*style-src ([^;]*);.*", "$1"),
        "only styles may be inline");
  }

  @Test
  void anAnswerWithoutPrimeFacesPolicyGetsOursWhenItsBodyStartsAndOneWithItKeepsIt()
      throws Exception {
    Map<String, Object> headers = new HashMap<>();
    HttpServletResponse plain =
        (HttpServletResponse)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "setHeader", "addHeader" -> headers.put((String) args[0], args[1]);
                      case "containsHeader" -> headers.containsKey((String) args[0]);
                      case "isCommitted" -> false;
                      default -> null;
                    });
    new SecurityHeaders.PolicyBeforeTheBody(plain).getWriter();
    assertEquals(SecurityHeaders.POLICY, headers.get("Content-Security-Policy"));
    String withNonce = SecurityHeaders.POLICY + " 'nonce-abc';";
    headers.put("Content-Security-Policy", withNonce);
    SecurityHeaders.PolicyBeforeTheBody faces = new SecurityHeaders.PolicyBeforeTheBody(plain);
    faces.getOutputStream();
    faces.ensurePolicy();
    assertEquals(
        withNonce,
        headers.get("Content-Security-Policy"),
        "PrimeFaces' policy with its nonce stays");
  }

  @Test
  void theSessionCookieIsSameSiteLaxAndSecureWhenSaidSo() {
    Map<String, Object> set = new HashMap<>();
    SessionCookies.configure(recorder(PayaraCookieConfig.class, "setAttribute", set), false);
    assertEquals("Lax", set.get("SameSite"));
    assertEquals("Lax", set.get("setSameSite"), "Payara's own setting, which it sends");
    assertEquals(null, set.get("setSecure"), "the container's default");
    assertEquals(true, set.get("setHttpOnly"));
    SessionCookies.configure(recorder(SessionCookieConfig.class, "setAttribute", set), true);
    assertEquals(true, set.get("setSecure"));
  }

  /** Payara's session cookie config has a setter of its own for SameSite. */
  public interface PayaraCookieConfig extends SessionCookieConfig {
    void setSameSite(String value);
  }

  /**
   * A {@code type} whose {@code pairMethod(name, value)} calls and one-argument setters land in
   * {@code into}.
   */
  static <T> T recorder(Class<T> type, String pairMethod, Map<String, Object> into) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (method.getName().equals(pairMethod)) {
                into.put((String) args[0], args[1]);
              } else if (args != null && args.length == 1) {
                into.put(method.getName(), args[0]);
              }
              return null;
            }));
  }
}
