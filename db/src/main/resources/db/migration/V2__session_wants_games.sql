-- A bot's own say in matchmaking (PROTOCOL.md: ready true/false). It is kept apart from the
-- session's state so that a bot that answers "not ready" while playing is not put back into the
-- queue when its game ends.
alter table bot_sessions add column wants_games boolean not null default false;
