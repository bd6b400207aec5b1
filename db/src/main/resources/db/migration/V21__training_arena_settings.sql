-- Issue 19, several training arenas: one per configured game (arena.training.games). Each arena's
-- matchmaking settings are stored with it, set by an admin (admin-arenas.xhtml, or
-- ./arena admin arena GAME --set key=value) and read by the leader at each pass; a key absent here
-- takes the operator's MicroProfile Config value. The rule for keys and values is
-- org.botarena.db.ArenaSettings; values are kept in their canonical text form.
alter table arenas add column settings jsonb not null default '{}';

-- the training games a connected bot wants (hello's optional "games"); null: every training arena
alter table bot_sessions add column games text[];
