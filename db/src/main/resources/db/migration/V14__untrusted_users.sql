-- (V14: V13 is debug_opponents, issue 16 deliverable 4, on another branch.)
-- Issue 16 (untrusted users): invitations with a use count, users an admin can disable, and a
-- sign-in throttle that checks and counts in one statement.

-- An invitation works max_uses times (1 by default), then it is spent like a revoked one.
alter table team_invitations add column max_uses int not null default 1 check (max_uses >= 1);
-- invitations made before this migration were meant for any number of uses within 14 days:
-- they keep what they had, and no more
update team_invitations set max_uses = greatest(uses, 1);

-- A disabled user cannot sign in; their sessions end at their next request. Nothing is deleted.
alter table users add column disabled_at timestamptz;

-- The throttle: one row per lower-case username (as SQL lower() computes it, like the lookup)
-- and client address, plus one row per username with address '*' (every address), each with
-- the times of the attempts within the window. An attempt is counted before its password is
-- checked, by one insert ... on conflict do update that admits it only under the limits (the
-- row lock orders a parallel burst); a success forgets the address's row.
drop table sign_in_failures;
create table sign_in_attempts (
  username    varchar(64) not null,
  address     varchar(64) not null,
  attempts    timestamptz[] not null,
  primary key (username, address)
);
