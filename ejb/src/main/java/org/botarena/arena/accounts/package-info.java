/**
 * Accounts for the portal: users and teams (entities), sign-up with the registration key or an
 * invitation, the sign-in throttle, invitations, and the rule for names. Every operation takes the
 * {@link org.botarena.arena.accounts.Caller} who asks and checks that it may: a user acts on their
 * own team only, an admin on any.
 */
package org.botarena.arena.accounts;
