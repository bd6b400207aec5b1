package org.botarena.web.pages;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import org.botarena.arena.accounts.AccessDenied;
import org.botarena.arena.accounts.AccountException;
import org.botarena.arena.security.ClientAddress;

/** Small helpers the page beans share: messages, refusals, redirects. */
final class Pages {

  private Pages() {}

  static void info(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  static void error(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  static void error(String clientId, String text) {
    FacesContext.getCurrentInstance()
        .addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  /**
   * Runs an action; a refusal or a user error becomes a message on the page. True if it went
   * through.
   */
  static boolean attempt(Runnable action) {
    try {
      action.run();
      return true;
    } catch (AccountException | AccessDenied e) {
      error(e.getMessage());
      return false;
    }
  }

  /** Answers 403 (a GET of another team's page) and stops rendering. */
  static void forbidden() {
    status(403, "This belongs to another team.");
  }

  static void notFound() {
    status(404, "Not found.");
  }

  private static void status(int code, String text) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      faces.getExternalContext().responseSendError(code, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }

  static void redirect(String path) {
    ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
    try {
      ext.redirect(ext.getRequestContextPath() + path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The client's address: the connection's, or what a trusted proxy says ({@link ClientAddress}).
   */
  static String remoteAddress() {
    HttpServletRequest request =
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    return ClientAddress.configured()
        .of(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
  }
}
