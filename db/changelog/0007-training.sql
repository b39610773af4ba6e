--liquibase formatted sql

--changeset clinlead:0007-audit-statement splitStatements:false
-- Like audit_row(), one audit_event per changed row, but written by one statement per SQL
-- statement from its transition tables (old_rows, new_rows): bulk imports and assignment
-- regeneration write thousands of rows at a time. Arguments name columns to leave out.
create function audit_statement() returns trigger language plpgsql as $$
declare
    skip text[] := coalesce(tg_argv, array[]::text[]);
    actor_id bigint := nullif(current_setting('clinlead.actor_id', true), '')::bigint;
    actor text := coalesce(nullif(current_setting('clinlead.actor_name', true), ''), 'database:' || session_user);
    why text := nullif(current_setting('clinlead.reason', true), '');
begin
    if tg_op = 'INSERT' then
        insert into audit_event (actor_user_id, actor_name, entity_type, entity_id, action, old_value, new_value, reason)
        select actor_id, actor, tg_table_name, n.id::text, 'insert', null, to_jsonb(n) - skip, why from new_rows n;
    elsif tg_op = 'UPDATE' then
        insert into audit_event (actor_user_id, actor_name, entity_type, entity_id, action, old_value, new_value, reason)
        select actor_id, actor, tg_table_name, n.id::text, 'update', to_jsonb(o) - skip, to_jsonb(n) - skip, why
          from old_rows o join new_rows n on n.id = o.id
         where (to_jsonb(o) - skip - 'updated_at' - 'version') is distinct from (to_jsonb(n) - skip - 'updated_at' - 'version');
    else
        insert into audit_event (actor_user_id, actor_name, entity_type, entity_id, action, old_value, new_value, reason)
        select actor_id, actor, tg_table_name, o.id::text, 'delete', to_jsonb(o) - skip, null, why from old_rows o;
    end if;
    return null;
end
$$;

-- Regulated records are never changed or removed, except in the ways a table's guard allows.
create function forbid_change() returns trigger language plpgsql as $$
begin
    raise exception '% rows cannot be changed or removed (%); record a correction instead', tg_table_name, lower(tg_op)
        using errcode = 'CL003';
end
$$;

--changeset clinlead:0007-e-signature
-- Electronic signatures (21 CFR Part 11 §11.50, §11.70, §11.200): who signed (printed name),
-- when (with the signer's time zone) and what the signature means, linked to the record by a
-- digest of its content. Signing needs the signer's password again.
create table e_signature (
    id             bigint generated always as identity primary key,
    record_type    text not null check (record_type in ('training_completion', 'training_assignment', 'certification')),
    record_id      bigint not null,
    signer_user_id bigint not null references app_user (id),
    printed_name   text not null check (length(trim(printed_name)) between 1 and 200),
    meaning        text not null check (meaning in ('Completed and understood', 'Reviewed and verified', 'Approved')),
    signed_at      timestamptz not null default now(),
    time_zone      text not null,
    record_digest  text not null check (record_digest ~ '^[0-9a-f]{64}$')
);
create index e_signature_record_idx on e_signature (record_type, record_id);
create index e_signature_signer_user_id_idx on e_signature (signer_user_id);
create trigger e_signature_append_only before update or delete on e_signature
    for each row execute function forbid_change();
create trigger e_signature_audit after insert on e_signature
    referencing new table as new_rows for each statement execute function audit_statement();

--changeset clinlead:0007-course
create table course (
    id               bigint generated always as identity primary key,
    code             text not null unique check (code ~ '^[A-Z][A-Z0-9-]{1,31}$'),
    title            text not null check (length(trim(title)) between 1 and 200),
    description      text not null default '',
    course_type      text not null
                     check (course_type in ('in_app', 'external', 'instructor_led', 'read_and_understand', 'on_the_job')),
    -- in-app courses: the module folder under content/courses/modules/
    module           text check (module ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
    provider         text,
    duration_minutes integer not null check (duration_minutes between 1 and 10000),
    -- months until a refresher is due; null: a completion never expires
    validity_months  integer check (validity_months between 1 and 240),
    -- completions are signed electronically
    regulated        boolean not null default true,
    -- counts as GCP training when a study checks its team's GCP
    gcp              boolean not null default false,
    topics           text[] not null default '{}',
    cost             numeric(10, 2) not null default 0 check (cost >= 0),
    currency         text not null default 'EUR' check (currency ~ '^[A-Z]{3}$'),
    -- days after a new major version becomes effective by which people must retrain
    retraining_days  integer not null default 30 check (retraining_days between 0 and 365),
    active           boolean not null default true,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          integer not null default 0,
    check ((course_type = 'in_app') = (module is not null))
);
create trigger course_updated_at before update on course for each row execute function set_updated_at();
create trigger course_audit after insert or update or delete on course for each row execute function audit_row();

-- Versions of a course (major.minor). A new major version means everyone who needs the course
-- retrains; a minor one does not. Versions are never changed or removed.
create table course_version (
    id             bigint generated always as identity primary key,
    course_id      bigint not null references course (id),
    major          integer not null check (major between 1 and 999),
    minor          integer not null check (minor between 0 and 999),
    effective_on   date not null,
    change_summary text not null default '',
    created_by     text not null,
    created_at     timestamptz not null default now(),
    unique (course_id, major, minor)
);
create index course_version_current_idx on course_version (course_id, effective_on desc, major desc, minor desc);
create trigger course_version_append_only before update or delete on course_version
    for each row execute function forbid_change();
create trigger course_version_audit after insert on course_version for each row execute function audit_row();

-- The competencies a course develops, by framework and code (like competency_evidence).
create table course_competency (
    id              bigint generated always as identity primary key,
    course_id       bigint not null references course (id) on delete cascade,
    framework_id    bigint not null references framework (id),
    competency_code text not null,
    unique (course_id, framework_id, competency_code)
);
create index course_competency_framework_idx on course_competency (framework_id, competency_code);
create trigger course_competency_audit after insert or update or delete on course_competency
    for each row execute function audit_row();

--changeset clinlead:0007-matrix-and-studies
-- The training matrix: the courses a job role requires, due within N days of joining the role.
create table role_course (
    id              bigint generated always as identity primary key,
    job_role_id     bigint not null references job_role (id),
    course_id       bigint not null references course (id),
    due_within_days integer not null default 30 check (due_within_days between 0 and 730),
    unique (job_role_id, course_id)
);
create index role_course_course_id_idx on role_course (course_id);
create trigger role_course_audit after insert or update or delete on role_course
    for each row execute function audit_row();

create table study (
    id          bigint generated always as identity primary key,
    code        text not null unique check (code ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{1,39}$'),
    title       text not null check (length(trim(title)) between 1 and 300),
    phase       text not null check (phase in ('I', 'I/II', 'II', 'II/III', 'III', 'IV', 'other')),
    start_date  date not null,
    end_date    date,
    status      text not null default 'planned' check (status in ('planned', 'active', 'closed')),
    org_unit_id bigint not null references org_unit (id),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     integer not null default 0,
    check (end_date is null or end_date >= start_date)
);
create index study_org_unit_id_idx on study (org_unit_id);
create trigger study_updated_at before update on study for each row execute function set_updated_at();
create trigger study_audit after insert or update or delete on study for each row execute function audit_row();

-- Study-specific training, proportionate to the task (ICH E6(R3)): required of every team member
-- when tasks is empty, otherwise only of members delegated one of these tasks.
create table study_course (
    id              bigint generated always as identity primary key,
    study_id        bigint not null references study (id),
    course_id       bigint not null references course (id),
    tasks           text[] not null default '{}' check (tasks <@ array['monitoring', 'consent', 'data_entry',
                    'safety_reporting', 'ip_management', 'project_management', 'data_management', 'quality_assurance']),
    due_within_days integer not null default 14 check (due_within_days between 0 and 365),
    unique (study_id, course_id)
);
create index study_course_course_id_idx on study_course (course_id);
create trigger study_course_audit after insert or update or delete on study_course
    for each row execute function audit_row();

-- A study team member and the tasks delegated to them.
create table study_member (
    id          bigint generated always as identity primary key,
    study_id    bigint not null references study (id),
    employee_id bigint not null references employee (id),
    tasks       text[] not null check (cardinality(tasks) > 0 and tasks <@ array['monitoring', 'consent', 'data_entry',
                'safety_reporting', 'ip_management', 'project_management', 'data_management', 'quality_assurance']),
    joined_on   date not null,
    left_on     date,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     integer not null default 0,
    unique (study_id, employee_id),
    check (left_on is null or left_on >= joined_on)
);
create index study_member_employee_id_idx on study_member (employee_id);
create trigger study_member_updated_at before update on study_member for each row execute function set_updated_at();
create trigger study_member_audit after insert or update or delete on study_member
    for each row execute function audit_row();

--changeset clinlead:0007-records splitStatements:false
-- Uploaded evidence (certificates): PDF, PNG or JPEG up to 10 MB, checked by content, kept as is.
create table stored_file (
    id           bigint generated always as identity primary key,
    employee_id  bigint not null references employee (id),
    filename     text not null check (length(filename) between 1 and 255),
    content_type text not null check (content_type in ('application/pdf', 'image/png', 'image/jpeg')),
    size_bytes   integer not null check (size_bytes between 1 and 10485760),
    sha256       text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content      bytea not null,
    uploaded_by  text not null,
    uploaded_at  timestamptz not null default now()
);
create index stored_file_employee_id_idx on stored_file (employee_id);
create trigger stored_file_append_only before update or delete on stored_file
    for each row execute function forbid_change();
create trigger stored_file_audit after insert on stored_file for each row execute function audit_row('content');

-- A quiz taken in an in-app module: the order served, the answers given, the result. Failed
-- attempts are kept like passes.
create table quiz_attempt (
    id            bigint generated always as identity primary key,
    employee_id   bigint not null references employee (id),
    course_id     bigint not null references course (id),
    version_major integer not null,
    version_minor integer not null,
    questions     jsonb not null,
    answers       jsonb,
    correct       integer,
    total         integer not null check (total > 0),
    score         numeric(5, 2) check (score between 0 and 100),
    passed        boolean,
    started_at    timestamptz not null default now(),
    submitted_at  timestamptz,
    check ((submitted_at is null) = (score is null) and (score is null) = (passed is null) and (score is null) = (correct is null))
);
create index quiz_attempt_employee_idx on quiz_attempt (employee_id, course_id, started_at desc);
create index quiz_attempt_course_id_idx on quiz_attempt (course_id);
create function guard_quiz_attempt() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or old.submitted_at is not null then
        raise exception 'a submitted quiz attempt cannot change' using errcode = 'CL003';
    end if;
    return new;
end
$$;
create trigger quiz_attempt_guard before update or delete on quiz_attempt
    for each row execute function guard_quiz_attempt();
create trigger quiz_attempt_audit after update on quiz_attempt for each row execute function audit_row('questions');

-- A training record. Never deleted or overwritten: a correction is a new record that names the
-- one it corrects, with a reason; the corrected one is then marked superseded. Only the status
-- (signing, verification) and superseded_by_id may change, once, as the guard below allows.
create table training_completion (
    id                bigint generated always as identity primary key,
    employee_id       bigint not null references employee (id),
    course_id         bigint not null references course (id),
    version_major     integer not null check (version_major >= 1),
    version_minor     integer not null check (version_minor >= 0),
    completed_on      date not null,
    expires_on        date,
    method            text not null
                      check (method in ('in_app', 'external', 'instructor_led', 'read_and_understand', 'on_the_job')),
    source            text not null check (source in ('module', 'entry', 'import', 'correction')),
    score             numeric(5, 2) check (score between 0 and 100),
    trainer           text,
    provider          text,
    certificate_file_id bigint references stored_file (id),
    quiz_attempt_id   bigint references quiz_attempt (id),
    status            text not null
                      check (status in ('awaiting_signature', 'awaiting_verification', 'complete', 'rejected')),
    recorded_by       text not null,
    recorded_at       timestamptz not null default now(),
    verified_by       text,
    verified_at       timestamptz,
    rejection_reason  text,
    corrects_id       bigint references training_completion (id),
    correction_reason text,
    superseded_by_id  bigint references training_completion (id),
    import_key        text,
    check (expires_on is null or expires_on > completed_on),
    check ((corrects_id is null) = (correction_reason is null)),
    check (status <> 'rejected' or length(trim(rejection_reason)) > 0),
    check ((source = 'import') = (import_key is not null))
);
create unique index training_completion_import_key on training_completion (import_key) where import_key is not null;
create index training_completion_employee_idx on training_completion (employee_id, course_id, completed_on desc);
create index training_completion_course_id_idx on training_completion (course_id);
create index training_completion_waiting_idx on training_completion (recorded_at) where status = 'awaiting_verification';
create index training_completion_certificate_file_id_idx on training_completion (certificate_file_id);
create index training_completion_quiz_attempt_id_idx on training_completion (quiz_attempt_id);
create index training_completion_corrects_id_idx on training_completion (corrects_id);
create index training_completion_superseded_by_id_idx on training_completion (superseded_by_id);

create function guard_training_completion() returns trigger language plpgsql as $$
declare
    fixed text[] := array['status', 'verified_by', 'verified_at', 'rejection_reason', 'superseded_by_id'];
begin
    if tg_op = 'DELETE' then
        raise exception 'training records are never deleted; record a correction instead' using errcode = 'CL003';
    end if;
    if (to_jsonb(old) - fixed) is distinct from (to_jsonb(new) - fixed)
       or (old.superseded_by_id is not null and new.superseded_by_id is distinct from old.superseded_by_id)
       or (new.status is distinct from old.status and not (
              (old.status = 'awaiting_signature' and new.status in ('complete', 'awaiting_verification'))
           or (old.status = 'awaiting_verification' and new.status in ('complete', 'rejected')))) then
        raise exception 'training record % cannot be overwritten; record a correction instead', old.id using errcode = 'CL003';
    end if;
    return new;
end
$$;
create trigger training_completion_guard before update or delete on training_completion
    for each row execute function guard_training_completion();
create trigger training_completion_audit_insert after insert on training_completion
    referencing new table as new_rows for each statement execute function audit_statement();
create trigger training_completion_audit_update after update on training_completion
    referencing old table as old_rows new table as new_rows for each statement execute function audit_statement();

-- Professional certifications (CCRP, CCRA, PMP, GCP certificates ...), verified like external
-- completions.
create table certification (
    id                  bigint generated always as identity primary key,
    employee_id         bigint not null references employee (id),
    kind                text not null check (kind in ('GCP', 'CCRP', 'CCRA', 'CCRC', 'ACRP-CP', 'CCDM', 'PMP', 'other')),
    name                text not null check (length(trim(name)) between 1 and 200),
    issuer              text not null check (length(trim(issuer)) between 1 and 200),
    number              text,
    issued_on           date not null,
    expires_on          date,
    certificate_file_id bigint references stored_file (id),
    status              text not null check (status in ('awaiting_verification', 'verified', 'rejected')),
    recorded_by         text not null,
    recorded_at         timestamptz not null default now(),
    verified_by         text,
    verified_at         timestamptz,
    rejection_reason    text,
    last_reminded_on    date,
    check (expires_on is null or expires_on > issued_on),
    check (status <> 'rejected' or length(trim(rejection_reason)) > 0)
);
create index certification_employee_id_idx on certification (employee_id, kind, issued_on desc);
create index certification_expires_idx on certification (expires_on) where status = 'verified';
create index certification_certificate_file_id_idx on certification (certificate_file_id);
create function guard_certification() returns trigger language plpgsql as $$
declare
    fixed text[] := array['status', 'verified_by', 'verified_at', 'rejection_reason', 'last_reminded_on'];
begin
    if tg_op = 'DELETE' or (to_jsonb(old) - fixed) is distinct from (to_jsonb(new) - fixed)
       or (new.status is distinct from old.status and old.status <> 'awaiting_verification') then
        raise exception 'certification records cannot be overwritten or removed' using errcode = 'CL003';
    end if;
    return new;
end
$$;
create trigger certification_guard before update or delete on certification
    for each row execute function guard_certification();
create trigger certification_audit after insert or update on certification
    for each row execute function audit_row('last_reminded_on');

--changeset clinlead:0007-assignment
-- What a person must complete, and by when. Generated, never typed: from the training matrix
-- (on hire and role change), study teams, new major versions and expiring completions.
-- trigger_key names the event, so regenerating is idempotent; at most one assignment per person
-- and course is current. Overdue and expired are read from the dates, not stored.
create table training_assignment (
    id              bigint generated always as identity primary key,
    employee_id     bigint not null references employee (id),
    course_id       bigint not null references course (id),
    reason          text not null check (reason in ('hire', 'role', 'study', 'new_version', 'expiry')),
    trigger_key     text not null,
    study_id        bigint references study (id),
    assigned_on     date not null,
    due_on          date not null,
    status          text not null default 'assigned'
                    check (status in ('assigned', 'in_progress', 'completed', 'waived', 'cancelled')),
    current         boolean not null default true,
    completion_id   bigint references training_completion (id),
    waiver_reason   text,
    waived_by       text,
    waived_at       timestamptz,
    cancel_reason   text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    version         integer not null default 0,
    unique (employee_id, course_id, trigger_key),
    check ((status = 'completed') = (completion_id is not null)),
    check (status <> 'waived' or (length(trim(waiver_reason)) > 0 and waived_by is not null and waived_at is not null)),
    check (status <> 'cancelled' or cancel_reason is not null)
);
create unique index training_assignment_one_current on training_assignment (employee_id, course_id) where current;
create index training_assignment_open_due_idx on training_assignment (due_on)
    where current and status in ('assigned', 'in_progress');
create index training_assignment_course_idx on training_assignment (course_id, status) where current;
create index training_assignment_study_id_idx on training_assignment (study_id);
create index training_assignment_completion_id_idx on training_assignment (completion_id);
create trigger training_assignment_updated_at before update on training_assignment
    for each row execute function set_updated_at();
create trigger training_assignment_audit_insert after insert on training_assignment
    referencing new table as new_rows for each statement execute function audit_statement();
create trigger training_assignment_audit_update after update on training_assignment
    referencing old table as old_rows new table as new_rows for each statement execute function audit_statement('current');
