-- The portal's accounts: invitations to a team, failed sign-ins (the throttle), settings an admin
-- changes at run time, and a hint that tells a team's tokens apart without revealing them.

-- An invitation code lets whoever holds it join the team (and sign up without the registration
-- key). Only its SHA-256 is kept: the code is shown once, like a token.
create table team_invitations (
  id          bigserial primary key,
  team_id     bigint not null references teams (id),
  code_hash   char(64) not null unique,
  created_by  bigint references users (id),
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null,
  revoked_at  timestamptz,
  uses        int not null default 0
);
create index team_invitations_team on team_invitations (team_id);

-- Failed sign-ins, per lower-case username and client address, for the sign-in throttle; rows
-- older than the throttle's window are deleted as new failures come in.
create table sign_in_failures (
  id          bigserial primary key,
  username    varchar(64) not null,
  address     varchar(64) not null,
  failed_at   timestamptz not null default now()
);
create index sign_in_failures_user on sign_in_failures (username, failed_at);

-- Values an admin sets in the portal; they override MicroProfile Config (e.g. arena.registration.key).
create table settings (
  key         varchar(64) primary key,
  value       text,
  updated_at  timestamptz not null default now()
);

-- The first characters of a token (after its prefix), so a team can tell its tokens apart.
alter table tokens add column hint varchar(16);
