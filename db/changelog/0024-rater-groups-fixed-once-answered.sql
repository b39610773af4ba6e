--liquibase formatted sql

--changeset clinlead:0024-guard-rater-assignment splitStatements:false
-- A rater who has answered never changes group (issue 17; docs/assessment-results.md, "Rater
-- groups"). The service refuses it; this trigger is the backstop for every other path (SQL,
-- imports, maintenance scripts):
--  * an assignment with answers (a saved draft or a submission) keeps its subject, rater and
--    group, is not removed and is not deleted (except with its whole subject, before rating);
--  * submitted, declined and removed are final: such an assignment never changes status again;
--  * only the self-assessment is by the person assessed, and nobody else rates as "self".
-- Cost follows the change: one look-up of the subject per row written, and the answer look-ups
-- only for rows whose group, subject or rater changes, or that are removed or deleted.
create function guard_rater_assignment() returns trigger language plpgsql as $$
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
        if (new.rater_group, new.cycle_subject_id, new.rater_employee_id)
               is not distinct from (old.rater_group, old.cycle_subject_id, old.rater_employee_id) then
            return new;
        end if;
    end if;
    select employee_id into subject_employee from cycle_subject where id = new.cycle_subject_id;
    if (new.rater_group = 'self') <> (new.rater_employee_id is not distinct from subject_employee) then
        raise exception 'only the self-assessment is by the person assessed, and it is theirs (assignment %)', new.id
            using errcode = 'CL002';
    end if;
    return new;
end
$$;

--changeset clinlead:0024-guard-rater-assignment-trigger
create trigger rater_assignment_guard before insert or update or delete on rater_assignment
    for each row execute function guard_rater_assignment();
