-- Consent: another team may seat a bot in its debug games (and step and rewind it there, keeping
-- its observations and actions) only if the bot's own team allows it. Off by default.
alter table bots add column debug_opponent boolean not null default false;
