/**
 * Jakarta Security for the portal: the identity store over the users table, PBKDF2 hashing in the
 * admin command line's format, the roles, the session cookie, the security headers and the
 * Content-Security-Policy (nonces through PrimeFaces' CSP mode).
 */
package org.botarena.web.security;
