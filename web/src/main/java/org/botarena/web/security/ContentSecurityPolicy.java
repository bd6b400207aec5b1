package org.botarena.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * The policy for PrimeFaces' CSP mode: web.xml's {@code primefaces.CSP_POLICY} is {@code
 * #{contentSecurityPolicy.policy}}, so the one policy of {@link SecurityHeaders} is what Faces
 * pages send too, with PrimeFaces' nonce appended to its {@code script-src}.
 */
@Named
@ApplicationScoped
public class ContentSecurityPolicy {

  public String getPolicy() {
    return SecurityHeaders.POLICY;
  }
}
