-- Issue 20, item 3 (fork a replay): a debug game may go on from step k of a finished game. It
-- starts from the origin's seed and config with the origin's first k steps played again (they are
-- its replay's first frames, so it re-simulates like any other); the origin and k say where it
-- came from. A deleted origin leaves the fork's replay whole (set null).
alter table matches add column forked_from uuid references matches (id) on delete set null;
alter table matches add column forked_at_step int check (forked_at_step >= 0);
create index matches_forked_from on matches (forked_from) where forked_from is not null;

-- A seat of a fork played by the origin's recorded actions for that spot (then a house bot: the
-- seat's bot, when they run out or are no longer valid).
alter table match_players add column plays_recorded boolean not null default false;
