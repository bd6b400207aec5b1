package org.botarena.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Before: no CSP, no nosniff, no Referrer-Policy; the session cookie had neither SameSite nor Secure. */
class SecurityHeadersTest {

  @Test
  void everyAnswerCarriesThePolicyNosniffAndAReferrerPolicy() {
    Map<String, Object> headers = new HashMap<>();
    SecurityHeaders.apply(recorder(HttpServletResponse.class, "setHeader", headers));
    assertEquals("nosniff", headers.get("X-Content-Type-Options"));
    assertEquals("strict-origin-when-cross-origin", headers.get("Referrer-Policy"));
    String csp = (String) headers.get("Content-Security-Policy");
    for (String directive : new String[] {"default-src 'self'", "object-src 'none'", "frame-ancestors 'none'",
        "base-uri 'self'", "form-action 'self'", "connect-src 'self'"}) {
      assertTrue(csp.contains(directive), directive);
    }
    assertTrue(!csp.contains("unsafe-eval") && !csp.contains("*"), csp);
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

  /** A {@code type} whose {@code pairMethod(name, value)} calls and one-argument setters land in {@code into}. */
  static <T> T recorder(Class<T> type, String pairMethod, Map<String, Object> into) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      if (method.getName().equals(pairMethod)) {
        into.put((String) args[0], args[1]);
      } else if (args != null && args.length == 1) {
        into.put(method.getName(), args[0]);
      }
      return null;
    }));
  }
}
