-- The agreement's plan becomes editable in the app: every row gets a version for optimistic
-- locking (a concurrent edit is refused, not overwritten), and an initiative's code is unique
-- within its focus area regardless of case.
alter table agreement add column version integer not null default 1;
alter table focus_area add column version integer not null default 1;
alter table initiative add column version integer not null default 1;
alter table plan_activity add column version integer not null default 1;

create index plan_activity_item on plan_activity (item_id);
create index initiative_focus_area on initiative (focus_area_id);
create index focus_area_agreement on focus_area (agreement_id);

-- The plan's changes go into the audit trail like the groups' (0012).
select audit_track('agreement');
select audit_track('focus_area');
select audit_track('initiative');
select audit_track('plan_activity');
