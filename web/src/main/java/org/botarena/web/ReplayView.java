package org.botarena.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** The replay page's parameter: which match (the page's script fetches its frames). */
@Named
@RequestScoped
public class ReplayView {

  private String match;

  public String getMatch() {
    return match;
  }

  public void setMatch(String match) {
    // only a UUID reaches the page's script and links
    this.match = match != null && match.matches("[0-9a-fA-F-]{36}") ? match : "";
  }
}
