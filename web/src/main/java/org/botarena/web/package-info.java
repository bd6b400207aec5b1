/**
 * The portal's public pages that need no account (leaderboard, tournaments, replays, the operations
 * page's view) and the REST resources of the status and of replays and their export; the page beans
 * are in {@code pages}, the public read API in {@code api}.
 */
package org.botarena.web;
