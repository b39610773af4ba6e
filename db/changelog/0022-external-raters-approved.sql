--liquibase formatted sql

--changeset clinlead:0022-normalise-email splitStatements:false
-- An e-mail address as ClinLead compares addresses (docs/assessment-results.md, "External
-- partners"): trimmed, lower case, and without a plus-address tag ("a.b+site@x" is "a.b@x").
-- Dots in the local part are kept: only some providers ignore them. ExternalAddresses.normalise
-- is the same rule in Java.
create function normalise_email(address text) returns text language sql immutable strict parallel safe as $$
    select regexp_replace(lower(btrim(address)), '\+[^@]*@', '@')
$$;

--changeset clinlead:0022-external-approval
-- External partners are invited only after an approver (the subject's manager or HR, never the
-- subject) approved them. Those invited before this change carry the approval of their list,
-- which until then could have been given automatically when rating started.
alter table rater_assignment add column approved_at timestamptz;
alter table rater_assignment add column approved_by_user_id bigint references app_user (id);
create index rater_assignment_approved_by_user_id_idx on rater_assignment (approved_by_user_id);
update rater_assignment a set approved_at = coalesce(s.approved_at, a.created_at), approved_by_user_id = s.approved_by_user_id
  from cycle_subject s
 where s.id = a.cycle_subject_id and a.rater_group = 'external' and a.status not in ('nominated', 'removed');

--changeset clinlead:0022-one-rater-per-address
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

--changeset clinlead:0022-guard-external-raters splitStatements:false
-- guard_rater_assignment (0021) and, for external partners: never an address of the person
-- assessed or of an account of theirs (aliases included); invited only once approved; never
-- approved by the person assessed. Cost follows the change: the address look-ups run only for
-- external rows inserted or whose address, subject or approval changes.
create or replace function guard_rater_assignment() returns trigger language plpgsql as $$
declare
    subject_employee bigint;
begin
    if tg_op = 'DELETE' then
        if (old.status = 'submitted' or exists (select 1 from rating where assignment_id = old.id)
                or exists (select 1 from rater_answer where assignment_id = old.id))
           -- a subject deleted before rating takes its assignments along (nothing answered then)
           and exists (select 1 from cycle_subject where id = old.cycle_subject_id) then
            raise exception 'this rater has answered, so their assessment stays on the list (assignment %)', old.id
                using errcode = 'CL002';
        end if;
        return old;
    end if;
    if new.rater_group = 'external' and new.status in ('invited', 'in_progress', 'submitted') and new.approved_at is null
       and (tg_op = 'INSERT' or old.status = 'nominated') then
        raise exception 'an external partner is invited only after the manager or HR approved them (assignment %)', new.id
            using errcode = 'CL002';
    end if;
    if tg_op = 'UPDATE' then
        if old.status in ('submitted', 'declined', 'removed') and new.status is distinct from old.status then
            raise exception 'a % assessment is final; it cannot become % (assignment %)', old.status, new.status, old.id
                using errcode = 'CL002';
        end if;
        if (new.rater_group, new.cycle_subject_id, new.rater_employee_id, new.external_email)
               is distinct from (old.rater_group, old.cycle_subject_id, old.rater_employee_id, old.external_email)
           and (old.status in ('in_progress', 'submitted') or exists (select 1 from rating where assignment_id = old.id)
                or exists (select 1 from rater_answer where assignment_id = old.id)) then
            raise exception 'a rater who has answered never changes group, subject or identity (assignment %)', old.id
                using errcode = 'CL002';
        end if;
        if new.status = 'removed' and old.status <> 'removed'
           and (exists (select 1 from rating where assignment_id = old.id)
                or exists (select 1 from rater_answer where assignment_id = old.id)) then
            raise exception 'this rater has answered, so they cannot be removed (assignment %)', old.id
                using errcode = 'CL002';
        end if;
        if (new.rater_group, new.cycle_subject_id, new.rater_employee_id, new.external_email, new.approved_by_user_id)
               is not distinct from
           (old.rater_group, old.cycle_subject_id, old.rater_employee_id, old.external_email, old.approved_by_user_id) then
            return new;
        end if;
    end if;
    select employee_id into subject_employee from cycle_subject where id = new.cycle_subject_id;
    if (new.rater_group = 'self') <> (new.rater_employee_id is not distinct from subject_employee) then
        raise exception 'only the self-assessment is by the person assessed, and it is theirs (assignment %)', new.id
            using errcode = 'CL002';
    end if;
    if new.external_email is not null and (
           exists (select 1 from employee e where e.id = subject_employee
                    and normalise_email(e.email) = normalise_email(new.external_email))
           or exists (select 1 from app_user u where u.employee_id = subject_employee
                       and normalise_email(new.external_email) in (normalise_email(u.email), normalise_email(u.username)))) then
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
