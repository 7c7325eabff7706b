-- What a run was measured on, so that a new best can be compared with the previous one, and the
-- reference a goal is measured on. A run measured otherwise counts for a goal once a teammate
-- confirms it is comparable (comparable_by, comparable_at).
alter table experiment_run add column dataset varchar(255);
alter table experiment_run add column dataset_version varchar(128);
alter table experiment_run add column data_split varchar(64);
alter table experiment_run add column seed bigint;
alter table experiment_run add column code_version varchar(64);
alter table experiment_run add column comparable_by varchar(32);
alter table experiment_run add column comparable_at timestamp(6) with time zone;
alter table client_goal add column reference_dataset varchar(255);
alter table client_goal add column reference_split varchar(64);
