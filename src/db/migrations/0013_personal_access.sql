-- A third access level for items and attachments: 'personal' (personal data about a citizen or
-- an employee). Stricter than 'closed': only the users named on the item (item_viewer) and the
-- secretariat see it; members of the committee do not, unless they are named.
-- An attachment is as strict as the stricter of its own level and its item's.

alter table item drop constraint item_access_check;
alter table item add constraint item_access_check
  check (access in ('open', 'closed', 'personal'));

alter table attachment drop constraint attachment_access_check;
alter table attachment add constraint attachment_access_check
  check (access in ('open', 'closed', 'personal'));

create table item_viewer (
  item_id integer not null references item (id) on delete cascade,
  user_id integer not null references app_user (id) on delete cascade,
  primary key (item_id, user_id)
);
create index item_viewer_user on item_viewer (user_id);

-- Who may read a personal item is part of what its meeting page shows to whom.
create trigger item_viewer_content_stamp after insert or update or delete on item_viewer
  for each row execute function item_child_touched();

select audit_track('item_viewer');
