-- Issue 19, verified replays: a stored replay is played again from its seed and actions
-- (ReplayVerifier) by `./arena admin verify-replays` and, a few per housekeeping round, by the
-- leader; the outcome of each check is kept here for the operations page. Rows refer to the match,
-- not to the replay, so they outlive the replay's retention; they go with the match.
create table replay_verifications (
  match_id     uuid primary key references matches (id) on delete cascade,
  game_type    varchar(32) not null,
  verified_at  timestamptz not null default now(),
  frames       int not null,
  mismatches   int not null,
  -- who checked: 'leader' or 'cli'
  checked_by   varchar(16) not null check (checked_by in ('leader', 'cli'))
);
create index replay_verifications_mismatched on replay_verifications (verified_at desc)
  where mismatches > 0;

-- every mismatch of a check (at most ReplayVerifier.MAX_MISMATCHES a replay), in step order
create table replay_mismatches (
  match_id  uuid not null references replay_verifications (match_id) on delete cascade,
  n         int not null,
  step      int not null,
  part      varchar(16) not null,
  path      varchar(200) not null,
  detail    varchar(1000) not null,
  primary key (match_id, n)
);
