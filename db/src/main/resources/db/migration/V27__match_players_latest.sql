-- Issue 18, the cool-down counted in games (arena.matchmaking.cool-down-games): each matchmaking pass
-- reads every waiting bot's latest N games in the arena. Ordered by the match's creation, that took
-- all of a bot's matches (match_players has only bot_id); with the time on the row, one index scan
-- per bot reads just its latest games. New rows take the booking transaction's now(), which is the
-- match's created_at; older rows stay null (no table rewrite) and sort last: they are long past.
alter table match_players add column created_at timestamptz;
alter table match_players alter column created_at set default now();
create index match_players_bot_latest on match_players (bot_id, created_at desc nulls last);
