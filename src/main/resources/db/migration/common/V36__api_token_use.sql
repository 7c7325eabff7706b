-- API tokens are listed with when they were last used (kept to the minute: one write a minute at most).
alter table api_token add column last_used_at timestamp(6) with time zone;
