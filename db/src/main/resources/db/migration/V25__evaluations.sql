-- Issue 20 item 2, evaluation runs: a team asks for N seeded games of one of its bots against a
-- fixed suite (every house bot of the game, and the past tournament winners whose teams allow it).
-- The games are booked by the matchmaking leader into an EVALUATION arena of the game (one per
-- game, created on first use), so the rating service, which rates TRAINING games only, never sees
-- them.
alter table arenas drop constraint arenas_kind_check;
alter table arenas add constraint arenas_kind_check
  check (kind in ('TRAINING', 'TOURNAMENT', 'DEBUG', 'EVALUATION'));

-- a team's consent: its bots that won a tournament round join other teams' evaluation suites
alter table teams add column evaluation_opponent boolean not null default false;

create table evaluations (
  id                  bigserial primary key,
  bot_id              bigint not null references bots (id),
  bot_name            varchar(64) not null,   -- the name at request time (compared per name)
  game_type           varchar(32) not null,
  games_per_opponent  int not null check (games_per_opponent between 1 and 200),
  requested_by        bigint references users (id),
  state               varchar(16) not null default 'RUNNING'
                        check (state in ('RUNNING', 'FINISHED', 'CANCELLED')),
  created_at          timestamptz not null default now(),
  ended_at            timestamptz
);
-- one evaluation at a time per bot: user input never buys unbounded work
create unique index evaluations_running on evaluations (bot_id) where state = 'RUNNING';
create index evaluations_bot on evaluations (bot_id, created_at desc);

-- the suite, fixed at the request: opponent k plays games k, k + K, k + 2K, ... (K opponents)
create table evaluation_opponents (
  evaluation_id  bigint not null references evaluations (id) on delete cascade,
  position       int not null,
  bot_id         bigint not null references bots (id),
  primary key (evaluation_id, position),
  unique (evaluation_id, bot_id)
);

-- the games booked so far, one row per game number, with its match
create table evaluation_games (
  evaluation_id  bigint not null references evaluations (id) on delete cascade,
  game_no        int not null,
  opponent_id    bigint not null references bots (id),
  match_id       uuid not null references matches (id) on delete cascade,
  primary key (evaluation_id, game_no)
);
create index evaluation_games_match on evaluation_games (match_id);
