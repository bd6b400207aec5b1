package org.botarena.web.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie: HttpOnly (web.xml), {@code SameSite=Lax} (a cross-site POST carries no
 * session; following a link to the portal still does), and {@code Secure} when {@code
 * arena.portal.secure-cookie} is true: set it when the portal is served over HTTPS (behind the
 * proxy too: the instance itself may speak plain HTTP to it). False by default, as the demo is
 * plain HTTP and a Secure cookie would never come back; the container then decides (Payara: Secure
 * when the request that opened the session came over HTTPS).
 */
@WebListener
public class SessionCookies implements ServletContextListener {

  public static final String SECURE = "arena.portal.secure-cookie";

  @Override
  public void contextInitialized(ServletContextEvent event) {
    configure(
        event.getServletContext().getSessionCookieConfig(),
        ConfigProvider.getConfig().getOptionalValue(SECURE, Boolean.class).orElse(false));
  }

  static void configure(SessionCookieConfig cookie, boolean secure) {
    cookie.setHttpOnly(true);
    if (secure) {
      cookie.setSecure(
          true); // else the container's default: Payara's is Secure when the request was HTTPS
    }
    cookie.setAttribute(
        "SameSite", "Lax"); // Servlet 6.0; Payara 6 keeps it but does not send it...
    try {
      // ...it sends its own setting (what glassfish-web.xml's cookieSameSite sets), PortalIT saw
      cookie.getClass().getMethod("setSameSite", String.class).invoke(cookie, "Lax");
    } catch (ReflectiveOperationException | RuntimeException e) {
      // another container: the attribute above is the standard way
    }
  }
}
