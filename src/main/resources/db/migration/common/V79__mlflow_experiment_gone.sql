-- When polling first found a watched experiment gone (MLflow answered that it does not exist): the
-- project's leads are told once per disappearance. Set only when it was null, so a second look (or a
-- second instance) does not tell them again; cleared by a look that works, so an experiment that comes
-- back and vanishes again is told about again.
alter table mlflow_cursor add column gone_at timestamp(6) with time zone;
