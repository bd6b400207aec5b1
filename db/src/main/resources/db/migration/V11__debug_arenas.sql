-- Debug arenas: one per user (arenas.owner_id); the arena row holds the game and config the user
-- chose. Each player spot of a debug arena is played with a DEBUG_SPOT token, which belongs to a
-- bot row standing for that spot (bots.debug_arena_id, bots.debug_spot): the gateway, the sessions
-- and the match players treat it as a bot, while team pages, matchmaking and tournaments leave it
-- out. Its name ('alice/spot0') cannot collide with a team's bot: '/' is not allowed there.
alter table arenas add column owner_id bigint references users (id);
create unique index arenas_debug_owner on arenas (owner_id) where kind = 'DEBUG';

alter table bots add column debug_arena_id bigint references arenas (id);
alter table bots add column debug_spot int;
create unique index bots_debug_spot on bots (debug_arena_id, debug_spot) where debug_arena_id is not null;
