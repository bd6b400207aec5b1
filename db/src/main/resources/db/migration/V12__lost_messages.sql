-- A match's row and its message are committed together, but not always: a database connection cut
-- in the middle of the commit can keep the row and lose the message. The matchmaking leader
-- repairs both kinds of loss (Matchmaker.housekeeping):
--
-- When a match was last put in the match queue. A QUEUED match that no runner has claimed a lease
-- after that is sent again (MatchService.resendUnclaimed); a runner's claim takes a match once,
-- however many messages name it.
alter table matches add column queued_at timestamptz;
update matches set queued_at = created_at;
alter table matches alter column queued_at set not null, alter column queued_at set default now();

-- A finished match that should have been rated and was not, a lease after it ended, is rated by the
-- leader (RatingService.unrated); the rating is once-only wherever it happens. Its lookup, every
-- few seconds, reads this index's last day only.
create index matches_unrated on matches (ended_at) where state = 'FINISHED' and rated = false;
