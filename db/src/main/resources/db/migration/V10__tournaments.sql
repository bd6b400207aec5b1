-- Tournaments (DESIGN.md "Tournaments"): the round state machine is persisted here, so that any
-- instance that leads matchmaking resumes a tournament where the previous leader left it.
create table tournaments (
  id           bigserial primary key,
  arena_id     bigint not null unique references arenas (id),
  name         varchar(64) not null unique,
  game_type    varchar(32) not null,
  config       jsonb not null default '{}',
  format       varchar(16) not null check (format in ('EXHAUSTIVE', 'RANDOM_DRAW')),
  group_size   int not null default 5 check (group_size >= 2),
  rounds       int not null default 1 check (rounds >= 1),
  seed         bigint not null,
  phase        varchar(24) not null default 'WAITING_NEXT_ROUND' check (phase in ('WAITING_NEXT_ROUND',
                 'RETRIEVING_PLAYERS', 'DRAWING_GROUPS', 'SCHEDULING_GAMES', 'WAITING_FOR_GAMES',
                 'SAVING_LEVEL_RESULTS', 'SAVING_ROUND_RESULTS', 'CLOSED')),
  round        int not null default 0,
  level        int not null default 0,
  opens_at     timestamptz not null default now(),
  winner_team  varchar(64),
  closed_at    timestamptz,
  created_at   timestamptz not null default now()
);

-- the bots entered (a team enters its bots; they play when connected at a round's start)
create table tournament_entrants (
  tournament_id  bigint not null references tournaments (id) on delete cascade,
  bot_id         bigint not null references bots (id),
  last_seen      timestamptz,    -- last time the engine saw it connected (walkovers after a grace)
  primary key (tournament_id, bot_id)
);

-- who plays in which group of which level, and the group's table once the level is saved
create table tournament_players (
  tournament_id  bigint not null references tournaments (id) on delete cascade,
  round          int not null,
  level          int not null,
  bot_id         bigint not null references bots (id),
  group_no       int,            -- null until the level is drawn
  points         double precision,
  wins           int,
  draws          int,
  losses         int,
  place          int,
  advanced       boolean not null default false,
  primary key (tournament_id, round, level, bot_id)
);

-- the games of a group: one match per pair, or a walkover when a bot stayed away
create table tournament_games (
  tournament_id   bigint not null references tournaments (id) on delete cascade,
  round           int not null,
  level           int not null,
  group_no        int not null,
  bot_a           bigint not null references bots (id),
  bot_b           bigint not null references bots (id),
  match_id        uuid references matches (id),
  walkover        boolean not null default false,   -- a bot stayed away past the grace period
  walkover_winner bigint references bots (id),      -- the one that was there (null: neither was)
  primary key (tournament_id, round, level, bot_a, bot_b)
);
create index tournament_games_match on tournament_games (match_id);

create table tournament_rounds (
  tournament_id  bigint not null references tournaments (id) on delete cascade,
  round          int not null,
  winner_bot     bigint references bots (id),
  finished_at    timestamptz not null default now(),
  primary key (tournament_id, round)
);
