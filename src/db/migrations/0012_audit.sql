-- The audit trail (logbog): every change to meetings, items, decisions, attachments, offers,
-- tariffs, groups and users, with who, when, what, before and after.
--
-- Recorded by triggers, so no write path can forget it: one generic AFTER trigger per tracked
-- table writes a row into audit_event. The actor is read from two transaction-local settings that
-- the application sets at the start of each transaction (src/db/actor.ts):
--   socialaftale.actor        the app_user id ('' or unset: no user)
--   socialaftale.actor_label  who that is, as shown ("Anne Hansen", "kommandolinje")
-- Nothing set means a change made outside the application (a migration, psql): label 'system'.
--
-- Left out of before/after: bytea and tsvector columns, and columns named when the table is
-- tracked. Columns whose name says password, secret or token are left out too, but an update
-- that changes one names it in changed_columns (a password was changed; the hash never shows).
-- Large extracted text (an attachment's text, an archive item's body) is stored as
-- {"sha256": ..., "length": ...}, so a change shows without copying the text. An update whose only
-- changes are bookkeeping (version, updated_at, the meeting's content_stamp) is not recorded.
--
-- After altering a tracked table (a new column), call `select audit_track('table', ...)` again
-- with the same arguments: the trigger's column lists are worked out when it is attached.

create table audit_event (
  id bigint generated always as identity primary key,
  -- the transaction's start: all changes of one save share it
  at timestamptz not null default now(),
  -- no foreign key: the log must outlive (and never be changed by) a user's removal
  actor_user_id integer,
  actor_label text not null,
  table_name text not null,
  -- the primary key's value(s), '/'-separated for a composite key
  row_key text not null,
  operation text not null check (operation in ('insert', 'update', 'delete')),
  before jsonb,
  after jsonb,
  -- the columns an update changed (bookkeeping columns left out); empty for insert and delete
  changed_columns text[] not null default '{}'
);
create index audit_event_object on audit_event (table_name, row_key, id);
create index audit_event_actor on audit_event (actor_user_id, id);
create index audit_event_at on audit_event (at);

-- Append-only: the application runs as one database role (and PGlite has only one), so REVOKE
-- cannot protect the log; these triggers refuse every update, delete and truncate.
create function audit_event_refuse() returns trigger
language plpgsql as $$
begin
  raise exception 'Logbogen kan ikke ændres eller slettes: den kan kun tilføjes til.'
    using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_event_append_only before update or delete on audit_event
  for each row execute function audit_event_refuse();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function audit_event_refuse();

-- A row as it goes into the log: skipped columns removed, hashed columns replaced by their hash.
create function audit_row_data(data jsonb, skipped text[], hashed text[]) returns jsonb
language plpgsql immutable as $$
declare
  col text;
  value text;
begin
  data := data - skipped;
  foreach col in array hashed loop
    value := case jsonb_typeof(data -> col) when 'string' then data ->> col else (data -> col)::text end;
    if value is not null then
      data := jsonb_set(data, array[col], jsonb_build_object(
        'sha256', encode(sha256(convert_to(value, 'UTF8')), 'hex'),
        'length', length(value)));
    end if;
  end loop;
  return data;
end
$$;

-- The trigger. Arguments (worked out by audit_track), each comma-separated: the primary-key
-- columns, the columns to leave out, the columns to hash, the secret columns.
create function audit_record() returns trigger
language plpgsql as $$
declare
  key_columns text[] := string_to_array(tg_argv[0], ',');
  skipped text[] := coalesce(string_to_array(nullif(tg_argv[1], ''), ','), '{}');
  hashed text[] := coalesce(string_to_array(nullif(tg_argv[2], ''), ','), '{}');
  secret text[] := coalesce(string_to_array(nullif(tg_argv[3], ''), ','), '{}');
  bookkeeping constant text[] := array['version', 'updated_at', 'content_stamp'];
  before_data jsonb;
  after_data jsonb;
  changed text[] := '{}';
  data jsonb;
  actor text := nullif(current_setting('socialaftale.actor', true), '');
  label text := nullif(current_setting('socialaftale.actor_label', true), '');
  row_key_value text;
begin
  if tg_op <> 'INSERT' then
    before_data := audit_row_data(to_jsonb(old), skipped || secret, hashed);
  end if;
  if tg_op <> 'DELETE' then
    after_data := audit_row_data(to_jsonb(new), skipped || secret, hashed);
  end if;
  if tg_op = 'UPDATE' then
    if cardinality(secret) > 0 then
      select coalesce(array_agg(s order by s), '{}') into changed
        from unnest(secret) s
       where to_jsonb(old) -> s is distinct from to_jsonb(new) -> s;
    end if;
    if (before_data - bookkeeping) = (after_data - bookkeeping) and cardinality(changed) = 0 then
      return null;
    end if;
    select changed || coalesce(array_agg(a.key order by a.key), '{}') into changed
      from jsonb_each(after_data) a
     where a.key <> all (bookkeeping) and a.value is distinct from before_data -> a.key;
  end if;
  data := coalesce(after_data, before_data);
  if cardinality(key_columns) = 1 then
    row_key_value := data ->> key_columns[1];
  else
    select string_agg(coalesce(data ->> k, ''), '/' order by n) into row_key_value
      from unnest(key_columns) with ordinality as c (k, n);
  end if;
  insert into audit_event (actor_user_id, actor_label, table_name, row_key, operation, before, after, changed_columns)
  values (
    case when actor ~ '^[0-9]{1,9}$' then actor::integer end,
    coalesce(label, case when actor is null then 'system' else 'bruger ' || actor end),
    tg_table_name,
    coalesce(row_key_value, ''),
    lower(tg_op),
    before_data,
    after_data,
    changed);
  return null;
end
$$;

-- Attaches (or re-attaches) the audit trigger to a table, working out its primary key and the
-- columns to leave out from the catalog.
create function audit_track(target regclass, hashed text[] default '{}', skipped text[] default '{}')
returns void
language plpgsql as $$
declare
  keys text;
  leave_out text;
  secrets text;
begin
  select string_agg(a.attname, ',' order by array_position(i.indkey::int2[], a.attnum)) into keys
    from pg_index i
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any (i.indkey::int2[])
   where i.indrelid = target and i.indisprimary;
  if keys is null then
    raise exception 'Tabellen % har ingen primærnøgle og kan ikke logges.', target;
  end if;
  select string_agg(a.attname, ',' order by a.attnum)
           filter (where a.attname !~ '(password|secret|token)'),
         string_agg(a.attname, ',' order by a.attnum)
           filter (where a.attname ~ '(password|secret|token)')
    into leave_out, secrets
    from pg_attribute a
   where a.attrelid = target and a.attnum > 0 and not a.attisdropped
     and (a.atttypid in ('bytea'::regtype, 'tsvector'::regtype)
          or a.attname ~ '(password|secret|token)'
          or a.attname = any (skipped));
  execute format('drop trigger if exists audit on %s', target);
  execute format(
    'create trigger audit after insert or update or delete on %s for each row execute function audit_record(%L, %L, %L, %L)',
    target, keys, coalesce(leave_out, ''), array_to_string(hashed, ','), coalesce(secrets, ''));
end
$$;

-- Meetings, items, decisions and attachments.
select audit_track('meeting', skipped => array['content_stamp']);
select audit_track('item', hashed => array['body']);
select audit_track('attendance');
select audit_track('attachment', hashed => array['text']);
select audit_track('decision_correction');
select audit_track('written_response');
select audit_track('follow_up');
-- Offers and their history.
select audit_track('offer');
select audit_track('offer_section');
select audit_track('offer_event');
select audit_track('offer_reinforced_status');
select audit_track('offer_annual_report');
-- Tariffs.
select audit_track('tariff_round');
select audit_track('tariff_report');
select audit_track('tariff_line');
select audit_track('tariff_fixed_share');
select audit_track('tariff_history');
-- Committees, groups, their members and terms.
select audit_track('committee');
select audit_track('committee_membership');
select audit_track('person');
select audit_track('group_charter');
select audit_track('group_approval');
select audit_track('member_profile');
select audit_track('wanted_profile');
select audit_track('nomination_round');
select audit_track('nomination');
-- Users (never the password hash: left out by its name).
select audit_track('app_user');
