-- Issue 17, seasons: a course runs a practice phase, then a ranked one. An admin starts a new
-- season of a training arena (org.botarena.db.Seasons): the ratings of its game start over, the
-- ended season's final table is kept in season_ratings, and matches and rating history stay (a
-- match belongs to the season in which it was booked). Time weights count from the season's start.
create table seasons (
  id          bigserial primary key,
  arena_id    bigint not null references arenas (id),
  number      int not null,
  started_at  timestamptz not null default now(),
  ended_at    timestamptz,
  unique (arena_id, number)
);
create unique index seasons_current on seasons (arena_id) where ended_at is null;
insert into seasons (arena_id, number, started_at) select id, 1, created_at from arenas where kind = 'TRAINING';

-- an ended season's leaderboard as it stood at its end (names as they were then)
create table season_ratings (
  season_id    bigint not null references seasons (id),
  bot_id       bigint not null references bots (id),
  bot_name     varchar(64) not null,
  mu           double precision not null,
  sigma        double precision not null,
  games        int not null,
  wins         int not null,
  losses       int not null,
  draws        int not null,
  disconnects  int not null,
  points       double precision not null,
  primary key (season_id, bot_id)
);
