package org.botarena.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Jakarta Security for the portal: a Faces sign-in page (the custom form mechanism: the page's bean
 * calls {@code SecurityContext.authenticate}) in front of {@link ArenaIdentityStore}. web.xml
 * constrains {@code /app/*} to USER and {@code /admin/*} to ADMIN; everything else is public.
 */
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue =
        @LoginToContinue(loginPage = "/signin.xhtml", errorPage = "", useForwardToLogin = false))
@DeclareRoles({Roles.USER, Roles.ADMIN})
@ApplicationScoped
public class SecurityConfig {}
