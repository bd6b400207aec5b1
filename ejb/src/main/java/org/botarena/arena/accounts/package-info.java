/**
 * Accounts for the portal: users (sign-up with the registration key or an invitation, the sign-in
 * throttle), teams and invitations, a team's bots and their tokens. Every operation takes the
 * {@link org.botarena.arena.accounts.Caller} who asks and checks that it may: a user acts on their
 * own team only, an admin on any.
 */
package org.botarena.arena.accounts;
