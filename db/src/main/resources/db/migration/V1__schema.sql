-- Bot Arena schema. Flyway owns it; Hibernate only validates it.

create table teams (
  id          bigserial primary key,
  name        varchar(64) not null,
  created_at  timestamptz not null default now()
);
create unique index teams_name on teams (lower(name));

create table users (
  id             bigserial primary key,
  username       varchar(64) not null,
  password_hash  varchar(255) not null,
  role           varchar(16) not null check (role in ('USER', 'ADMIN')),
  team_id        bigint references teams (id),
  created_at     timestamptz not null default now()
);
create unique index users_username on users (lower(username));

create table bots (
  id          bigserial primary key,
  team_id     bigint not null references teams (id),
  name        varchar(64) not null,
  created_at  timestamptz not null default now(),
  deleted_at  timestamptz
);
-- names are unique among living bots: the leaderboard shows names, not ids
create unique index bots_live_name on bots (lower(name)) where deleted_at is null;

-- every name a bot has had, so stats can be shown per name
create table bot_names (
  id          bigserial primary key,
  bot_id      bigint not null references bots (id),
  name        varchar(64) not null,
  valid_from  timestamptz not null default now(),
  valid_to    timestamptz
);

create table tokens (
  id          bigserial primary key,
  hash        char(64) not null unique,  -- SHA-256 of the token; the token itself is never stored
  kind        varchar(16) not null check (kind in ('BOT', 'DEBUG_SPOT')),
  bot_id      bigint references bots (id),
  created_at  timestamptz not null default now(),
  revoked_at  timestamptz
);

-- application instances and their heartbeats, so the others can clean up after a dead one
create table instances (
  id            varchar(64) primary key,
  started_at    timestamptz not null default now(),
  heartbeat_at  timestamptz not null default now()
);

-- who is connected where: one row per connected bot
create table bot_sessions (
  id             uuid primary key,
  bot_id         bigint not null unique references bots (id),
  instance       varchar(64) not null,
  state          varchar(16) not null check (state in ('IDLE', 'QUEUED', 'PLAYING')),
  connected_at   timestamptz not null default now(),
  heartbeat_at   timestamptz not null default now(),
  waiting_since  timestamptz
);
create index bot_sessions_state on bot_sessions (state);

create table arenas (
  id          bigserial primary key,
  kind        varchar(16) not null check (kind in ('TRAINING', 'TOURNAMENT', 'DEBUG')),
  name        varchar(64) not null unique,
  game_type   varchar(32) not null,
  config      jsonb not null default '{}',
  created_at  timestamptz not null default now()
);

create table matches (
  id            uuid primary key,
  arena_id      bigint not null references arenas (id),
  game_type     varchar(32) not null,
  config        jsonb not null,
  seed          bigint not null,
  state         varchar(16) not null check (state in ('QUEUED', 'RUNNING', 'FINISHED', 'FAILED')),
  attempt       int not null default 0,
  instance      varchar(64),
  lease_until   timestamptz,
  created_at    timestamptz not null default now(),
  started_at    timestamptz,
  ended_at      timestamptz,
  end_state     varchar(16) check (end_state in ('WIN', 'DRAW', 'DISCONNECTED', 'TIMEOUT', 'INVALID_ACTION', 'ABORTED', 'DROPPED')),
  end_reason    varchar(32),
  steps         int,
  weight        double precision not null default 1,
  rated         boolean not null default false,
  rated_at      timestamptz
);
create index matches_state on matches (state);
create index matches_created on matches (created_at desc);

create table match_players (
  match_id  uuid not null references matches (id) on delete cascade,
  spot      int not null,
  bot_id    bigint not null references bots (id),
  bot_name  varchar(64) not null,      -- the name at match time
  gateway   varchar(64),               -- the instance the bot was connected to
  result    varchar(8) check (result in ('win', 'loss', 'draw', 'aborted')),
  score     double precision,
  stats     jsonb,
  primary key (match_id, spot)
);
create index match_players_bot on match_players (bot_id);

create table replays (
  match_id    uuid primary key references matches (id) on delete cascade,
  format      varchar(32) not null default 'jsonl.gz',
  data        bytea not null,
  created_at  timestamptz not null default now()
);

create table ratings (
  bot_id       bigint not null references bots (id),
  game_type    varchar(32) not null,
  mu           double precision not null,
  sigma        double precision not null,
  games        int not null default 0,
  wins         int not null default 0,
  losses       int not null default 0,
  draws        int not null default 0,
  disconnects  int not null default 0,
  points       double precision not null default 0,
  rated_at     timestamptz,
  primary key (bot_id, game_type)
);

create table rating_history (
  id            bigserial primary key,
  bot_id        bigint not null references bots (id),
  game_type     varchar(32) not null,
  match_id      uuid not null references matches (id) on delete cascade,
  mu_before     double precision not null,
  sigma_before  double precision not null,
  mu            double precision not null,
  sigma         double precision not null,
  rated_at      timestamptz not null default now(),
  unique (match_id, bot_id)
);
create index rating_history_bot on rating_history (bot_id, game_type, rated_at);
