-- Search speed over a large archive (tens of thousands of items).
--
-- Search collects only the newest matching items (a bounded number), newest meeting first, and
-- ranks those; walking meetings by date needs an index on the date.
create index meeting_date on meeting (date desc nulls last, id desc);

-- Every searchable lexeme longer than five letters, so a word can also find the compounds it
-- ends ("indberetning" finds "takstindberetning"): GIN only matches lexemes by their start, so
-- search looks the compounds up here (by the reversed lexeme) and adds them to the query.
-- Lexemes are only ever added: one whose last item is gone expands a query to a word that
-- matches nothing, which costs nothing. Lexemes with a quote or backslash are left out, so every
-- word here is a valid quoted tsquery term.
create table search_word (
  word text primary key
);
create index search_word_reversed on search_word (reverse(word) text_pattern_ops);

-- The lexemes of a vector that belong in search_word.
create function search_words_of(vector tsvector) returns setof text
language sql immutable parallel safe as $$
  select w from pg_catalog.unnest(pg_catalog.tsvector_to_array(vector)) w
   where pg_catalog.length(w) > 5 and pg_catalog.strpos(w, '''') = 0
     and pg_catalog.strpos(w, '\') = 0
$$;

-- Inserts are handled per statement (an import inserts thousands of items at once), updates per
-- row and only when a vector changed (most updates move a version or a stage). Words go in
-- sorted, so two transactions adding the same new words wait for each other, not deadlock.
-- An item's decision vector counts too (attachments have none).
create function search_words_inserted() returns trigger
language plpgsql as $$
begin
  if tg_table_name = 'item' then
    insert into search_word (word)
    select distinct w from new_rows r, search_words_of(r.search_vector || r.decision_vector) w
     order by w
    on conflict do nothing;
  else
    insert into search_word (word)
    select distinct w from new_rows r, search_words_of(r.search_vector) w order by w
    on conflict do nothing;
  end if;
  return null;
end
$$;

create function search_words_updated() returns trigger
language plpgsql as $$
begin
  if tg_table_name = 'item' then
    insert into search_word (word)
    select distinct w from search_words_of(new.search_vector || new.decision_vector) w order by w
    on conflict do nothing;
  else
    insert into search_word (word)
    select distinct w from search_words_of(new.search_vector) w order by w
    on conflict do nothing;
  end if;
  return null;
end
$$;

create trigger search_words_inserted after insert on item
  referencing new table as new_rows
  for each statement execute function search_words_inserted();
create trigger search_words_updated after update on item
  for each row
  when (old.search_vector is distinct from new.search_vector
        or old.decision_vector is distinct from new.decision_vector)
  execute function search_words_updated();
create trigger search_words_inserted after insert on attachment
  referencing new table as new_rows
  for each statement execute function search_words_inserted();
create trigger search_words_updated after update on attachment
  for each row
  when (old.search_vector is distinct from new.search_vector)
  execute function search_words_updated();

insert into search_word (word)
select distinct w from (
  select w from item, search_words_of(search_vector || decision_vector) w
  union
  select w from attachment, search_words_of(search_vector) w
) words
order by w
on conflict do nothing;

-- A query's parts are ANDed; a word and the compounds it ends are ORed.
create aggregate tsquery_and_all(tsquery) (sfunc = tsquery_and, stype = tsquery);
create aggregate tsquery_or_all(tsquery) (sfunc = tsquery_or, stype = tsquery);
