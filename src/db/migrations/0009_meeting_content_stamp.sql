-- A counter on the meeting that moves whenever anything shown on its page changes (the meeting
-- itself, its items, attachments, attendance, decision corrections). The public meeting page is
-- cached per counter value, so checking for a change is one primary-key read.

alter table meeting add column content_stamp bigint not null default 0;

create function bump_meeting_content_stamp(target integer) returns void
language sql as $$
  update meeting set content_stamp = content_stamp + 1 where id = target
$$;

create function meeting_touched() returns trigger
language plpgsql as $$
begin
  -- A change to the stamp itself must not bump it again.
  if tg_op = 'UPDATE' and new.content_stamp <> old.content_stamp then
    return new;
  end if;
  new.content_stamp := old.content_stamp + 1;
  return new;
end
$$;

create trigger meeting_content_stamp before update on meeting
  for each row execute function meeting_touched();

create function item_touched() returns trigger
language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then perform bump_meeting_content_stamp(old.meeting_id); end if;
  if tg_op in ('INSERT', 'UPDATE') then perform bump_meeting_content_stamp(new.meeting_id); end if;
  return null;
end
$$;

create trigger item_content_stamp after insert or update or delete on item
  for each row execute function item_touched();

create trigger attendance_content_stamp after insert or update or delete on attendance
  for each row execute function item_touched();

-- Attachments and corrections hang on an item: bump the item's meeting.
create function item_child_touched() returns trigger
language plpgsql as $$
declare
  target integer;
begin
  if tg_op = 'DELETE' then
    select meeting_id into target from item where id = old.item_id;
  else
    select meeting_id into target from item where id = new.item_id;
  end if;
  if target is not null then perform bump_meeting_content_stamp(target); end if;
  return null;
end
$$;

create trigger attachment_content_stamp after insert or update or delete on attachment
  for each row execute function item_child_touched();

create trigger decision_correction_content_stamp after insert or update or delete on decision_correction
  for each row execute function item_child_touched();
