-- The workspace's 70/20/10 split and the scheduler's "who posted recently" ask for updates by day
-- alone, or by workspace and day; without these they read every row of the workspace or the table.
create index ix_daily_update_team_day on daily_update (team_id, work_day);
create index ix_daily_update_day on daily_update (work_day);
