package org.botarena.web.security;

/** The portal's roles (groups of the identity store; glassfish-web.xml maps them one to one). */
public final class Roles {

  public static final String USER = "USER";

  /** Admins are users too: they get both groups. */
  public static final String ADMIN = "ADMIN";

  private Roles() {}
}
