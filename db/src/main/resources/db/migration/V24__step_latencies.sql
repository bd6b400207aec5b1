-- Issue 20 item 1, the bot page's latency panel: per seat of a stored training or tournament
-- match (not a debug game's, not a house bot's), the runner's summary of that bot's step answer
-- times, written in the transaction that stores the result (MatchService.finish). Bounded size
-- per row: the histogram has at most 400 buckets (latency.StepHistogram). Rows go with the match.
create table step_latencies (
  match_id     uuid not null references matches (id) on delete cascade,
  spot         int not null,
  bot_id       bigint not null references bots (id),
  bot_name     varchar(64) not null,      -- the name at match time, as in match_players
  game_type    varchar(32) not null,
  ended_at     timestamptz not null default now(),
  deadline_ms  int not null check (deadline_ms > 0),
  steps        int not null check (steps > 0),  -- answered and missed steps
  timeouts     int not null check (timeouts >= 0 and timeouts <= steps),
  -- StepHistogram.encode: "bucket:count" pairs, comma separated, microsecond log-linear buckets
  times        text not null,
  primary key (match_id, spot)
);
-- the panel reads a bot's newest rows only (LatencyPanel.MAX_ROWS)
create index step_latencies_bot on step_latencies (bot_id, ended_at desc);
