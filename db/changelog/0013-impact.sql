--liquibase formatted sql

--changeset clinlead:0013-programme
-- A development intervention whose impact is measured (docs/impact.md): a coaching programme, a
-- course, a 360 cycle and its follow-up, or a rotation. Who took part depends on the kind:
-- coaching programmes and rotations name their participants (programme_participant); a course
-- programme's participants are the people who completed its course between its start and end;
-- a 360 follow-up's are the subjects of its released cycle. Costs are the programme's own
-- (design, vendor, materials); course fees, coaching hours and time away are counted from the
-- records when the ROI is computed.
create table programme (
    id                   bigint generated always as identity primary key,
    code                 text not null unique check (code ~ '^[A-Z][A-Z0-9_-]{1,39}$'),
    name                 text not null check (length(trim(name)) between 1 and 200),
    description          text not null default '',
    kind                 text not null check (kind in ('coaching', 'course', 'cycle_follow_up', 'rotation')),
    course_id            bigint references course (id),
    cycle_id             bigint references review_cycle (id),
    starts_on            date not null,
    ends_on              date,
    fixed_cost           numeric(12, 2) not null default 0 check (fixed_cost >= 0),
    cost_per_participant numeric(12, 2) not null default 0 check (cost_per_participant >= 0),
    currency             text not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
    created_by           text not null,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    version              integer not null default 0,
    check (ends_on is null or ends_on >= starts_on),
    check ((kind = 'course') = (course_id is not null)),
    check ((kind = 'cycle_follow_up') = (cycle_id is not null))
);
create index programme_course_id_idx on programme (course_id);
create index programme_cycle_id_idx on programme (cycle_id);
create trigger programme_updated_at before update on programme for each row execute function set_updated_at();
create trigger programme_audit after insert or update or delete on programme for each row execute function audit_row();

-- The named participants of a coaching programme or rotation, with the day each joined (the
-- day their "after" starts).
create table programme_participant (
    id              bigint generated always as identity primary key,
    programme_id bigint not null references programme (id) on delete cascade,
    employee_id  bigint not null references employee (id),
    joined_on    date not null,
    unique (programme_id, employee_id)
);
create index programme_participant_employee_id_idx on programme_participant (employee_id);
create trigger programme_participant_audit after insert or update or delete on programme_participant
    for each row execute function audit_row();

-- What the programme is meant to move, read by its Kirkpatrick page: the courses it includes
-- (reaction: their feedback; learning: their quiz scores), the competencies it develops
-- (behaviour: their 360 change) and the KPIs it should improve (results).
create table programme_course (
    id              bigint generated always as identity primary key,
    programme_id bigint not null references programme (id) on delete cascade,
    course_id    bigint not null references course (id),
    unique (programme_id, course_id)
);
create index programme_course_course_id_idx on programme_course (course_id);
create trigger programme_course_audit after insert or update or delete on programme_course
    for each row execute function audit_row();

create table programme_competency (
    id              bigint generated always as identity primary key,
    programme_id    bigint not null references programme (id) on delete cascade,
    framework_id    bigint not null references framework (id),
    competency_code text not null,
    unique (programme_id, framework_id, competency_code)
);
create index programme_competency_framework_id_idx on programme_competency (framework_id);
create trigger programme_competency_audit after insert or update or delete on programme_competency
    for each row execute function audit_row();

create table programme_kpi (
    id              bigint generated always as identity primary key,
    programme_id bigint not null references programme (id) on delete cascade,
    kpi_id       bigint not null references kpi (id),
    unique (programme_id, kpi_id)
);
create index programme_kpi_kpi_id_idx on programme_kpi (kpi_id);
create trigger programme_kpi_audit after insert or update or delete on programme_kpi
    for each row execute function audit_row();

--changeset clinlead:0013-course-feedback
-- A learner's reaction to a course they completed (Kirkpatrick level 1): how good it was and how
-- useful for their work, 1 to 5, and an optional comment. One per training record; shown only
-- as averages over at least three people.
create table course_feedback (
    id            bigint generated always as identity primary key,
    completion_id bigint not null unique references training_completion (id),
    employee_id   bigint not null references employee (id),
    course_id     bigint not null references course (id),
    rating        smallint not null check (rating between 1 and 5),
    usefulness    smallint not null check (usefulness between 1 and 5),
    comment       text not null default '' check (length(comment) <= 2000),
    submitted_at  timestamptz not null default now()
);
create index course_feedback_course_id_idx on course_feedback (course_id, employee_id);
create index course_feedback_employee_id_idx on course_feedback (employee_id);
create trigger course_feedback_audit after insert or update or delete on course_feedback
    for each row execute function audit_row();
