--liquibase formatted sql

--changeset clinlead:0023-training-integrity splitStatements:false
-- A course's retake policy for its quiz and whether imported completions need the learner's
-- signature (docs/training-records.md, "Quiz retakes" and "Imported records";
-- docs/decisions/0014-quiz-retake-policy.md).
alter table course
    -- failed attempts allowed before HR must allow more; null: no limit
    add column quiz_max_attempts          integer check (quiz_max_attempts between 1 and 20),
    -- hours a learner waits after a failed attempt before the next
    add column quiz_retake_wait_hours     integer not null default 0 check (quiz_retake_wait_hours between 0 and 720),
    -- questions drawn from the module's pool for each attempt; null: all of them
    add column quiz_questions_per_attempt integer check (quiz_questions_per_attempt between 1 and 100),
    -- imported completions wait for the learner's signature before they count
    add column sign_imported              boolean not null default false;

-- HR allows more attempts after the limit, with a reason: attempts are counted from the latest
-- reset (or pass). Append-only and audited.
create table quiz_attempt_reset (
    id               bigint generated always as identity primary key,
    employee_id      bigint not null references employee (id),
    course_id        bigint not null references course (id),
    reason           text not null check (length(trim(reason)) between 1 and 2000),
    reset_by         text not null,
    reset_by_user_id bigint references app_user (id),
    reset_at         timestamptz not null default now()
);
create index quiz_attempt_reset_employee_idx on quiz_attempt_reset (employee_id, course_id, reset_at desc);
create index quiz_attempt_reset_course_id_idx on quiz_attempt_reset (course_id);
create index quiz_attempt_reset_reset_by_user_id_idx on quiz_attempt_reset (reset_by_user_id);
create trigger quiz_attempt_reset_append_only before update or delete on quiz_attempt_reset
    for each row execute function forbid_change();
create trigger quiz_attempt_reset_audit after insert on quiz_attempt_reset for each row execute function audit_row();

-- The backstop of the attempt limit: a new attempt is refused when the learner has as many failed
-- attempts as the course allows since their latest pass or reset. It reads one learner's attempts
-- at one course (the index quiz_attempt_employee_idx): the cost follows the change.
create function guard_quiz_attempt_limit() returns trigger language plpgsql as $$
declare
    allowed integer;
    since   timestamptz;
    failed  integer;
begin
    select quiz_max_attempts into allowed from course where id = new.course_id;
    if allowed is null then
        return new;
    end if;
    since := greatest(
        (select max(submitted_at) from quiz_attempt
          where employee_id = new.employee_id and course_id = new.course_id and passed),
        (select max(reset_at) from quiz_attempt_reset where employee_id = new.employee_id and course_id = new.course_id));
    select count(*) into failed from quiz_attempt
     where employee_id = new.employee_id and course_id = new.course_id and passed = false
       and (since is null or submitted_at > since);
    if failed >= allowed then
        raise exception 'the % attempts course % allows are used; HR can allow more', allowed, new.course_id
            using errcode = 'CL005';
    end if;
    return new;
end
$$;
create trigger quiz_attempt_limit before insert on quiz_attempt for each row execute function guard_quiz_attempt_limit();

-- One accepted completion import: which file, who imported it, when, how many records it added.
-- Imported completions name their batch, so the training file shows where each came from.
create table training_import_batch (
    id                  bigint generated always as identity primary key,
    file_name           text not null check (length(file_name) between 1 and 255),
    imported_by         text not null,
    imported_by_user_id bigint references app_user (id),
    imported_at         timestamptz not null default now(),
    rows_read           integer not null check (rows_read >= 0),
    created             integer not null check (created >= 0 and created <= rows_read)
);
create index training_import_batch_imported_by_user_id_idx on training_import_batch (imported_by_user_id);
create trigger training_import_batch_append_only before update or delete on training_import_batch
    for each row execute function forbid_change();
create trigger training_import_batch_audit after insert on training_import_batch for each row execute function audit_row();

alter table training_completion add column import_batch_id bigint references training_import_batch (id);
create index training_completion_import_batch_id_idx on training_completion (import_batch_id);
