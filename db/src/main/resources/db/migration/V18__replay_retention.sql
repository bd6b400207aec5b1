-- Issue 17, retention: replays are most of the database (a 250-step hockey replay is ~56 KB
-- gzipped), so the leader drops old ones in small batches by a policy (ReplayRetention) while
-- every match row, result and rating stays.
--
-- Each replay's size, for the admin page's bytes per day without reading the data.
alter table replays add column size_bytes int generated always as (octet_length(data)) stored;
-- When the policy looks at the replay next: at the first sweep after it is stored, then when it
-- may be dropped (its arena's age limit, or a day later for one of a bot's last games), or
-- never ('infinity': tournament games and the kept sample). The sweep reads only due rows.
alter table replays add column review_after timestamptz not null default now();
create index replays_review on replays (review_after);
create index replays_created on replays (created_at);
