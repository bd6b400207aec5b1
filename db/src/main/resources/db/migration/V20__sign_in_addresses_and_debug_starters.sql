-- Issue 16 (untrusted users), what was left open: nobody locks a student out from elsewhere, and
-- the debug cap counts the person who started a game.

-- Addresses a user has signed in from (successfully), kept arena.sign-in.known-address-days. The
-- sign-in throttle's total per username (the '*' row of sign_in_attempts) slows down only the
-- addresses not in here; a known address keeps only its own per-address limit, so failures from
-- elsewhere never lock the owner out of the places they sign in from.
create table sign_in_known_addresses (
  username        varchar(64) not null,
  address         varchar(64) not null,
  last_success_at timestamptz not null default now(),
  primary key (username, address)
);

-- Who started a debug game (null for every other match, and for debug games from before this migration):
-- arena.debug.max-running-per-user counts a person's games in every arena they start them in.
alter table matches add column started_by bigint references users (id);
create index matches_started_by_open on matches (started_by) where state in ('QUEUED', 'RUNNING');
