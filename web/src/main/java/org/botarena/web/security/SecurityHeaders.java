package org.botarena.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.botarena.arena.accounts.AccountService;

/**
 * Every answer of the application: a Content-Security-Policy, {@code nosniff} and a
 * Referrer-Policy; and a signed-in session whose user an admin disabled is ended here.
 *
 * <p>The policy allows scripts and styles from the application only, plus inline ones: PrimeFaces
 * renders its widgets' set-up and event handlers inline (its nonce mode, {@code primefaces.CSP},
 * would need every page's own inline scripts moved out first). What it does forbid: scripts,
 * styles, images and connections of other origins (an injected script could not load more, nor
 * send what it read anywhere but here), plugins, {@code <base>} rewrites, forms posting
 * elsewhere, and framing by other sites (clickjacking).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

  private static final long serialVersionUID = 1L;

  public static final String POLICY = String.join("; ",
      "default-src 'self'",
      "script-src 'self' 'unsafe-inline'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self' data:",
      "connect-src 'self'", // includes the same host's ws:// and wss:// (the watch socket)
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'");

  @Inject transient AccountService accounts;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    apply(response);
    if (request.getUserPrincipal() != null && request.getRequestURI().endsWith(".xhtml")
        && accounts.caller(request.getUserPrincipal().getName()).isEmpty()) {
      // disabled (or deleted) since they signed in: the session ends now
      request.logout();
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      response.sendRedirect(request.getContextPath() + "/signin.xhtml");
      return;
    }
    chain.doFilter(request, response);
  }

  /** The headers, also for a unit test. */
  static void apply(HttpServletResponse response) {
    response.setHeader("Content-Security-Policy", POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  }
}
