-- Item ids from a sequence that hands them out fifty at a time, so that Hibernate can insert an
-- update's items in one batch (an identity column makes it insert them one by one to learn each id).
-- Inserts that name no id keep working: the column's default draws from the same sequence.
alter table update_item alter column id drop identity;
create sequence update_item_seq increment by 50;
alter sequence update_item_seq restart with (select coalesce(max(id), 0) + 1 from update_item);
alter table update_item alter column id set default nextval('update_item_seq');
