/**
 * Storage over a semester: which replays are kept (tournament always, debug for days, training for
 * days and then a sample and each player's last games) and the leader's sweep; results and ratings
 * are never dropped.
 */
package org.botarena.arena.retention;
