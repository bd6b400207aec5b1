package org.botarena.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.PrintWriter;
import org.botarena.arena.accounts.AccountService;

/**
 * Every answer of the application: a Content-Security-Policy, {@code nosniff} and a
 * Referrer-Policy; and a signed-in session whose user an admin disabled is ended here.
 *
 * <p>The policy allows scripts from the application only, and no inline script or handler but those
 * carrying the page's nonce: on Faces pages PrimeFaces' CSP mode ({@code primefaces.CSP}, web.xml)
 * sends this same policy with {@code 'nonce-...'} appended to its last directive, {@code
 * script-src}, and renders its widgets' set-up and event handlers as scripts with that nonce; the
 * pages' own scripts are static files. Any other answer (REST, resources, a page that failed before
 * Faces rendered it) gets the policy without a nonce when its body starts. Styles may be inline:
 * PrimeFaces renders {@code style} attributes (overlays, column widths) that its CSP mode does not
 * move. What the policy forbids: inline and foreign scripts, {@code eval}, styles, images and
 * connections of other origins (an injected script could not load more, nor send what it read
 * anywhere but here), plugins, {@code <base>} rewrites, forms posting elsewhere, and framing by
 * other sites (clickjacking).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String HEADER = "Content-Security-Policy";

  /** The policy; {@code script-src} last, as PrimeFaces appends the nonce to the policy's end. */
  public static final String POLICY =
      String.join(
          "; ",
          "default-src 'self'",
          "style-src 'self' 'unsafe-inline'",
          "img-src 'self' data:",
          "font-src 'self' data:",
          "connect-src 'self'", // includes the same host's ws:// and wss:// (the watch socket)
          "object-src 'none'",
          "base-uri 'self'",
          "form-action 'self'",
          "frame-ancestors 'none'",
          "script-src 'self'");

  @Inject transient AccountService accounts;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    apply(response);
    if (request.getUserPrincipal() != null
        && request.getRequestURI().endsWith(".xhtml")
        && accounts.caller(request.getUserPrincipal().getName()).isEmpty()) {
      // disabled (or deleted) since they signed in: the session ends now
      request.logout();
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      response.setHeader(HEADER, POLICY);
      response.sendRedirect(request.getContextPath() + "/signin.xhtml");
      return;
    }
    PolicyBeforeTheBody answer = new PolicyBeforeTheBody(response);
    chain.doFilter(request, answer);
    answer.ensurePolicy();
  }

  /**
   * The headers but the policy (PrimeFaces sends it on Faces pages, with the nonce), also for a
   * unit test.
   */
  static void apply(HttpServletResponse response) {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  }

  /**
   * An answer that gets the policy without a nonce when its body starts, unless PrimeFaces gave it
   * the policy with one already (one policy header, never two: browsers enforce every one sent).
   */
  static final class PolicyBeforeTheBody extends HttpServletResponseWrapper {

    PolicyBeforeTheBody(HttpServletResponse response) {
      super(response);
    }

    void ensurePolicy() {
      if (!isCommitted() && !containsHeader(HEADER)) {
        setHeader(HEADER, POLICY);
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      ensurePolicy();
      return super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      ensurePolicy();
      return super.getWriter();
    }

    @Override
    public void flushBuffer() throws IOException {
      ensurePolicy();
      super.flushBuffer();
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      ensurePolicy();
      super.sendRedirect(location);
    }
  }
}
