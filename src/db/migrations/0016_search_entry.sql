-- A narrow copy of what search needs of each item, kept by triggers.
--
-- Collecting the hits of a common word ("takst" matches two thirds of the archive) read every
-- matching item row, and items are wide (their texts), so the matches were spread over most of the
-- table's pages; then each match joined its meeting for the date, stage and committee. Here one
-- row per item holds those, next to the item's vectors; the big text vector is kept out of line
-- (toast_tuple_target), so a bitmap scan of the GIN index reads a few hundred small pages, and
-- sorting the hits by date needs no join.
--
-- Ranking reads only small vectors: a hit in the title, the decision or the summary and
-- recommendations says how relevant an item is (the weights of the item's own vectors, A to C);
-- the case description and body only make it a hit. Ranking on the whole text vector meant reading
-- a kilobyte or more per hit.
create table search_entry (
  item_id integer primary key references item (id) on delete cascade,
  meeting_id integer not null references meeting (id) on delete cascade,
  committee_id integer not null,
  meeting_date date,
  stage text not null,
  access text not null,
  section text not null,
  has_decision boolean not null,
  text_vector tsvector not null
) with (toast_tuple_target = 128);
alter table search_entry alter column text_vector set storage external;

create index search_entry_text on search_entry using gin (text_vector);
create index search_entry_meeting on search_entry (meeting_id);

-- What ranking reads of the newest hits, and the decision vector, whose hits count only where the
-- viewer sees decisions.
create table search_rank (
  item_id integer primary key references item (id) on delete cascade,
  title_vector tsvector not null,
  summary_vector tsvector not null,
  decision_vector tsvector not null
);
create index search_rank_decision on search_rank using gin (decision_vector);

-- What the copies must equal (a test compares them after every kind of change). The vectors are
-- the item's own (generated columns of 0004): the text vector with its weights, its title part
-- (A) and its summary part (C) apart for ranking.
--
-- The text vector is copied as the item table stores it: a vector read from there as a column
-- goes out of line here (toast_tuple_target), where a vector that has passed through a row value
-- (a function's result, a trigger's NEW) comes flattened and stays in the row: PostgreSQL only
-- starts moving values out once a row passes about 2 kB, and a 1 kB vector does not get there.
create view search_entry_source as
  select i.id as item_id, i.meeting_id, m.committee_id, m.date as meeting_date, m.stage, i.access,
         i.section, i.decision <> '' as has_decision, i.search_vector as text_vector
    from item i
    join meeting m on m.id = i.meeting_id;

create function search_rank_of(i item) returns search_rank
language sql immutable as $$
  select i.id, ts_filter(i.search_vector, '{a}'), ts_filter(i.search_vector, '{c}'),
         i.decision_vector
$$;
create view search_rank_source as select k.* from item i, lateral search_rank_of(i) k;

-- Inserts per statement (an import adds thousands of items at once); updates per row, and only
-- when something search reads changed (most updates move a version or a number). Each item's
-- entry is read by its key, one at a time: a plan for "the items of this statement" is made
-- before the statement's size is known and was a scan of the whole, growing item table.
create function search_entry_items_inserted() returns trigger
language plpgsql as $$
declare
  added record;
begin
  for added in select r.id from new_rows r loop
    insert into search_entry select s.* from search_entry_source s where s.item_id = added.id;
  end loop;
  insert into search_rank select k.* from new_rows r, lateral search_rank_of(r) k;
  return null;
end
$$;

create function search_entry_item_updated() returns trigger
language plpgsql as $$
begin
  delete from search_entry where item_id = new.id;
  delete from search_rank where item_id = new.id;
  insert into search_entry select s.* from search_entry_source s where s.item_id = new.id;
  insert into search_rank select k.* from search_rank_of(new) k;
  return null;
end
$$;

create trigger search_entry_items_inserted after insert on item
  referencing new table as new_rows
  for each statement execute function search_entry_items_inserted();
create trigger search_entry_item_updated after update on item
  for each row
  when (old.search_vector is distinct from new.search_vector
        or old.decision_vector is distinct from new.decision_vector
        or old.meeting_id is distinct from new.meeting_id
        or old.access is distinct from new.access
        or old.section is distinct from new.section
        or old.decision is distinct from new.decision)
  execute function search_entry_item_updated();

-- A meeting's date, stage or committee is copied to its items' entries.
create function search_entry_meeting_updated() returns trigger
language plpgsql as $$
begin
  update search_entry
     set committee_id = new.committee_id, meeting_date = new.date, stage = new.stage
   where meeting_id = new.id;
  return null;
end
$$;

create trigger search_entry_meeting_updated after update on meeting
  for each row
  when (old.committee_id is distinct from new.committee_id
        or old.date is distinct from new.date
        or old.stage is distinct from new.stage)
  execute function search_entry_meeting_updated();

insert into search_entry select * from search_entry_source;
insert into search_rank select * from search_rank_source;

-- The item's own indexes on its vectors are no longer read: search reads the entries.
drop index item_search_vector;
drop index item_decision_vector;

-- What an item mentions (kommuner, offers) is what search's filters read, so a change there moves
-- the meeting's content stamp as a change to the item does (0009): the public search results are
-- cached per stamp (services/search-cache.ts). Once per statement and meeting, for imports.
create function item_mentions_touched() returns trigger
language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform bump_meeting_content_stamp(t.meeting_id)
       from (select distinct i.meeting_id from item i
              where i.id in (select r.item_id from new_rows r)) t;
  else
    perform bump_meeting_content_stamp(t.meeting_id)
       from (select distinct i.meeting_id from item i
              where i.id in (select r.item_id from old_rows r)) t;
  end if;
  return null;
end
$$;

create trigger item_mention_inserted after insert on item_mention
  referencing new table as new_rows
  for each statement execute function item_mentions_touched();
create trigger item_mention_deleted after delete on item_mention
  referencing old table as old_rows
  for each statement execute function item_mentions_touched();
