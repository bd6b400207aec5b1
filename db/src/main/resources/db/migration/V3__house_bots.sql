-- A bot row may stand for a built-in house bot of the games module (the value is its name, e.g.
-- 'greedy'): the runner plays it in-process, so it never connects and can play many games at once.
-- The matchmaker pairs waiting bots with house bots when too few bots are online.
alter table bots add column house varchar(32);
