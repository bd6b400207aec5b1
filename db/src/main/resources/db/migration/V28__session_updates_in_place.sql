-- A session row changes state several times per game (QUEUED, PLAYING, QUEUED, its heartbeat
-- every 5 s), and every lookup by bot walked all its dead versions: with `state` indexed no update
-- could stay on its page (a HOT update), so each left an entry in every index until a vacuum. At
-- 2 bots the bot's booking update took two thirds of PostgreSQL's samples (docs/benchmarks.md).
-- The table holds one row per connected bot, so reading it whole is cheap; pages keep room for the
-- next version of their rows, and PostgreSQL prunes the old ones as it reads the page.
drop index bot_sessions_state;
alter table bot_sessions set (fillfactor = 50);
