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
 * plain HTTP and a Secure cookie would never come back.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

  public static final String SECURE = "arena.portal.secure-cookie";

  @Override
  public void contextInitialized(ServletContextEvent event) {
    configure(event.getServletContext().getSessionCookieConfig(),
        ConfigProvider.getConfig().getOptionalValue(SECURE, Boolean.class).orElse(false));
  }

  static void configure(SessionCookieConfig cookie, boolean secure) {
    cookie.setHttpOnly(true);
    cookie.setSecure(secure);
    cookie.setAttribute("SameSite", "Lax");
  }
}
