-- A post in progress is claimed until this moment, so that the same work running twice at once
-- (a resubmission of work that only looked stuck) cannot post twice; a crashed claim lapses.
alter table slack_delivery add column claimed_until timestamp(6) with time zone;
