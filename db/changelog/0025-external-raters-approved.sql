--liquibase formatted sql

--changeset clinlead:0025-normalise-email splitStatements:false
-- An e-mail address as ClinLead compares addresses (docs/assessment-results.md, "External
-- partners"): trimmed, lower case, and without a plus-address tag ("a.b+site@x" is "a.b@x").
-- Dots in the local part are kept: only some providers ignore them. ExternalAddresses.normalise
-- is the same rule in Java.
create function normalise_email(address text) returns text language sql immutable strict parallel safe as $$
    select regexp_replace(lower(btrim(address)), '\+[^@]*@', '@')
$$;

--changeset clinlead:0025-external-approval
-- External partners are invited only after an approver (the subject's manager or HR, never the
-- subject) approved them. Those invited before this change carry the approval of their list,
-- which until then could have been given automatically when rating started.
alter table rater_assignment add column approved_at timestamptz;
alter table rater_assignment add column approved_by_user_id bigint references app_user (id);
create index rater_assignment_approved_by_user_id_idx on rater_assignment (approved_by_user_id);
update rater_assignment a set approved_at = coalesce(s.approved_at, a.created_at), approved_by_user_id = s.approved_by_user_id
  from cycle_subject s
 where s.id = a.cycle_subject_id and a.rater_group = 'external' and a.status not in ('nominated', 'removed');

--changeset clinlead:0025-one-rater-per-address
-- One external rater per address and subject, aliases included. Later open duplicates without
-- answers are taken off their list; the index covers open assignments (new nominations are made
-- only while every assignment of the cycle is open, so no duplicate can be added again).
create index employee_normalised_email_idx on employee (normalise_email(email));
update rater_assignment a set status = 'removed', token_hash = null
 where a.rater_group = 'external' and a.status in ('nominated', 'invited')
   and not exists (select 1 from rating r where r.assignment_id = a.id)
   and not exists (select 1 from rater_answer r where r.assignment_id = a.id)
   and exists (select 1 from rater_assignment b
                where b.cycle_subject_id = a.cycle_subject_id and b.rater_group = 'external' and b.status <> 'removed'
                  and b.id < a.id and normalise_email(b.external_email) = normalise_email(a.external_email));
create unique index rater_assignment_one_per_address on rater_assignment (cycle_subject_id, normalise_email(external_email))
    where external_email is not null and status in ('nominated', 'invited', 'in_progress');

--changeset clinlead:0025-guard-external-raters splitStatements:false
-- External partners (beside guard_rater_assignment, changelog 0024): never an address of the
-- person assessed or of an account of theirs (aliases included); invited only once approved;
-- never approved by the person assessed. Cost follows the change: the look-ups run only for
-- external rows inserted, or whose address, subject, approval or status (out of nominated) changes.
create function guard_external_rater() returns trigger language plpgsql as $$
declare
    subject_employee bigint;
begin
    if new.status in ('invited', 'in_progress', 'submitted') and new.approved_at is null
       and (tg_op = 'INSERT' or old.status = 'nominated') then
        raise exception 'an external partner is invited only after the manager or HR approved them (assignment %)', new.id
            using errcode = 'CL002';
    end if;
    if tg_op = 'UPDATE' and (new.cycle_subject_id, new.external_email, new.approved_by_user_id)
                             is not distinct from (old.cycle_subject_id, old.external_email, old.approved_by_user_id) then
        return new;
    end if;
    select employee_id into subject_employee from cycle_subject where id = new.cycle_subject_id;
    if exists (select 1 from employee e where e.id = subject_employee
                and normalise_email(e.email) = normalise_email(new.external_email))
       or exists (select 1 from app_user u where u.employee_id = subject_employee
                   and normalise_email(new.external_email) in (normalise_email(u.email), normalise_email(u.username))) then
        raise exception 'an external partner''s address is never one of the person assessed (assignment %)', new.id
            using errcode = 'CL002';
    end if;
    if new.approved_by_user_id is not null
       and exists (select 1 from app_user u where u.id = new.approved_by_user_id and u.employee_id = subject_employee) then
        raise exception 'nobody approves their own raters (assignment %)', new.id using errcode = 'CL002';
    end if;
    return new;
end
$$;

--changeset clinlead:0025-guard-external-raters-trigger
create trigger rater_assignment_guard_external before insert or update on rater_assignment
    for each row when (new.rater_group = 'external') execute function guard_external_rater();
