package org.botarena.websocket;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Starts the gateway with the web module. Not a CDI
 * {@code @Observes @Initialized(ApplicationScoped)} observer: in an EAR on Payara Server the EJB
 * modules' initialization events (payload Object) reach web-module beans outside the web module's
 * naming environment, and the gateway's {@code @Resource} executor then fails to inject (the
 * deployment fails). A servlet listener runs exactly once, in the web module, on Payara Micro (the
 * single WAR) and Payara Server (the EAR) alike.
 */
@WebListener
public class GatewayStartup implements ServletContextListener {

  @Inject Gateway gateway;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    gateway.start();
  }
}
