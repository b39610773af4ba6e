--liquibase formatted sql

--changeset clinlead:0006-review-cycle
-- A 360° feedback cycle: draft -> nominating -> rating -> closed -> released.
create table review_cycle (
    id                     bigint generated always as identity primary key,
    name                   text not null check (length(trim(name)) between 1 and 200),
    purpose                text not null default 'development' check (purpose in ('development', 'review')),
    framework_version_id   bigint not null references framework_version (id),
    status                 text not null default 'draft'
                           check (status in ('draft', 'nominating', 'rating', 'closed', 'released')),
    nomination_starts_on   date not null,
    nomination_ends_on     date not null,
    rating_starts_on       date not null,
    rating_ends_on         date not null,
    -- |self - others| at or above this is a blind spot (self higher) or hidden strength (self lower)
    significance_threshold numeric(4, 2) not null check (significance_threshold > 0),
    report_to_subject      boolean not null default true,
    report_to_manager      boolean not null default true,
    report_to_coach        boolean not null default true,
    report_to_hr           boolean not null default false,
    created_by_user_id     bigint references app_user (id),
    closed_at              timestamptz,
    released_at            timestamptz,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    version                integer not null default 0,
    check (nomination_ends_on >= nomination_starts_on),
    check (rating_starts_on >= nomination_starts_on),
    check (rating_ends_on >= rating_starts_on),
    check ((status = 'released') = (released_at is not null))
);
create index review_cycle_framework_version_id_idx on review_cycle (framework_version_id);
create index review_cycle_created_by_user_id_idx on review_cycle (created_by_user_id);
create trigger review_cycle_updated_at before update on review_cycle for each row execute function set_updated_at();

-- How many raters a group needs and when its answers may be shown.
create table cycle_rater_group (
    id                 bigint generated always as identity primary key,
    cycle_id           bigint not null references review_cycle (id) on delete cascade,
    rater_group        text not null check (rater_group in ('self', 'manager', 'peer', 'direct_report', 'external')),
    min_raters         integer not null check (min_raters >= 0),
    max_raters         integer not null,
    numbers_threshold  integer not null,
    comments_threshold integer not null,
    unique (cycle_id, rater_group),
    check (max_raters >= min_raters and max_raters <= 30),
    check (comments_threshold >= numbers_threshold),
    -- anonymity: an anonymous group is never shown with fewer than three answers
    check (rater_group in ('self', 'manager') or numbers_threshold >= 3),
    check (rater_group not in ('self', 'manager') or numbers_threshold >= 1)
);

create table cycle_subject (
    id                       bigint generated always as identity primary key,
    cycle_id                 bigint not null references review_cycle (id) on delete cascade,
    employee_id              bigint not null references employee (id),
    job_role_id              bigint not null references job_role (id),
    manager_id               bigint references employee (id),
    nomination_status        text not null default 'open' check (nomination_status in ('open', 'submitted', 'approved')),
    nominations_submitted_at timestamptz,
    approved_by_user_id      bigint references app_user (id),
    approved_at              timestamptz,
    shared_with_coach_at     timestamptz,
    unique (cycle_id, employee_id)
);
create index cycle_subject_employee_id_idx on cycle_subject (employee_id);
create index cycle_subject_manager_id_idx on cycle_subject (manager_id);
create index cycle_subject_job_role_id_idx on cycle_subject (job_role_id);
create index cycle_subject_approved_by_user_id_idx on cycle_subject (approved_by_user_id);

-- The questionnaire of a role in a cycle: the role profile when nominations opened.
create table cycle_question (
    id             bigint generated always as identity primary key,
    cycle_id       bigint not null references review_cycle (id) on delete cascade,
    job_role_id    bigint not null references job_role (id),
    competency_id  bigint not null references competency (id),
    required_level integer not null,
    position       integer not null,
    unique (cycle_id, job_role_id, competency_id)
);
create index cycle_question_competency_id_idx on cycle_question (competency_id);
create index cycle_question_job_role_id_idx on cycle_question (job_role_id);

--changeset clinlead:0006-rater-assignment
create table rater_assignment (
    id                    bigint generated always as identity primary key,
    cycle_subject_id      bigint not null references cycle_subject (id) on delete cascade,
    rater_group           text not null check (rater_group in ('self', 'manager', 'peer', 'direct_report', 'external')),
    rater_employee_id     bigint references employee (id),
    external_name         text,
    external_email        text check (external_email is null or external_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    external_organisation text,
    external_relation     text check (external_relation in ('site_staff', 'cro_partner', 'vendor', 'other')),
    nominated_by          text not null check (nominated_by in ('system', 'subject', 'manager', 'hr')),
    status                text not null default 'nominated'
                          check (status in ('nominated', 'invited', 'in_progress', 'submitted', 'declined', 'removed')),
    decline_reason        text,
    token_hash            text unique,
    token_expires_at      timestamptz,
    last_saved_at         timestamptz,
    submitted_at          timestamptz,
    last_reminded_on      date,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    version               integer not null default 0,
    check ((rater_group = 'external') = (rater_employee_id is null)),
    check (rater_group <> 'external' or (external_name is not null and external_email is not null)),
    check (status <> 'declined' or length(trim(decline_reason)) > 0),
    check ((status = 'submitted') = (submitted_at is not null))
);
create unique index rater_assignment_one_per_rater on rater_assignment (cycle_subject_id, rater_employee_id)
    where rater_employee_id is not null and status <> 'removed';
create index rater_assignment_cycle_subject_id_idx on rater_assignment (cycle_subject_id, rater_group);
create index rater_assignment_rater_idx on rater_assignment (rater_employee_id, status);
create trigger rater_assignment_updated_at before update on rater_assignment
    for each row execute function set_updated_at();

-- A rater's answers: a score, or "not observed", and an optional comment. Only the rater ever
-- sees these rows; reports read the aggregated result tables below.
create table rating (
    id            bigint generated always as identity primary key,
    assignment_id bigint not null references rater_assignment (id) on delete cascade,
    competency_id bigint not null references competency (id),
    score         integer check (score between 1 and 9),
    not_observed  boolean not null default false,
    comment       text check (length(comment) <= 4000),
    updated_at    timestamptz not null default now(),
    unique (assignment_id, competency_id),
    check (not (not_observed and score is not null))
);
create index rating_competency_id_idx on rating (competency_id);

create table rater_answer (
    id            bigint generated always as identity primary key,
    assignment_id bigint not null references rater_assignment (id) on delete cascade,
    question      text not null check (question in ('strengths', 'development')),
    answer        text not null check (length(answer) <= 4000),
    unique (assignment_id, question)
);

--changeset clinlead:0006-results
-- Results, computed once when the cycle closes, with the anonymity rules already applied: a
-- group's mean is stored only when enough raters gave a score (visible), and comments only from
-- groups that meet the comments threshold, without any link to who wrote them.
-- One row per subject and competency; per group the number of scores and, when the group is
-- shown for that competency, their mean. A null mean means hidden (or no scores).
create table result_score (
    id                   bigint generated always as identity primary key,
    cycle_subject_id     bigint not null references cycle_subject (id) on delete cascade,
    competency_id        bigint not null references competency (id),
    self_scores          integer not null default 0,
    self_mean            numeric(4, 2),
    manager_scores       integer not null default 0,
    manager_mean         numeric(4, 2),
    peer_scores          integer not null default 0,
    peer_mean            numeric(4, 2),
    direct_report_scores integer not null default 0,
    direct_report_mean   numeric(4, 2),
    external_scores      integer not null default 0,
    external_mean        numeric(4, 2),
    -- "all others": every score from the groups other than self that are shown for this competency
    others_scores        integer not null default 0,
    others_mean          numeric(4, 2),
    unique (cycle_subject_id, competency_id)
);
create index result_score_competency_id_idx on result_score (competency_id);

create table result_group (
    id               bigint generated always as identity primary key,
    cycle_subject_id bigint not null references cycle_subject (id) on delete cascade,
    rater_group      text not null check (rater_group in ('self', 'manager', 'peer', 'direct_report', 'external')),
    invited          integer not null,
    responded        integer not null,
    numbers_visible  boolean not null,
    comments_visible boolean not null,
    unique (cycle_subject_id, rater_group)
);

create table result_comment (
    id               bigint generated always as identity primary key,
    cycle_subject_id bigint not null references cycle_subject (id) on delete cascade,
    competency_id    bigint references competency (id),
    question         text check (question in ('strengths', 'development')),
    rater_group      text not null check (rater_group in ('self', 'manager', 'peer', 'direct_report', 'external')),
    comment          text not null,
    check ((competency_id is null) <> (question is null))
);
create index result_comment_subject_idx on result_comment (cycle_subject_id);
create index result_comment_competency_id_idx on result_comment (competency_id);

--changeset clinlead:0006-evidence
-- Evidence of a person's proficiency, from released 360 results (and, later, other sources).
-- Competencies are identified by framework and code so evidence survives framework versions.
create table competency_evidence (
    id               bigint generated always as identity primary key,
    employee_id      bigint not null references employee (id),
    framework_id     bigint not null references framework (id),
    competency_code  text not null,
    source           text not null check (source in ('360', 'manager_validation', 'goal', 'assessment')),
    level            numeric(4, 2) not null check (level > 0),
    observed_on      date not null,
    cycle_subject_id bigint references cycle_subject (id),
    recorded_by      text not null,
    note             text not null default '',
    created_at       timestamptz not null default now()
);
create index competency_evidence_employee_idx on competency_evidence (employee_id, framework_id, competency_code, observed_on desc);
create index competency_evidence_framework_id_idx on competency_evidence (framework_id);
create index competency_evidence_cycle_subject_id_idx on competency_evidence (cycle_subject_id);

-- A development goal suggested from a 360 gap; the coaching feature turns it into a plan goal.
create table suggested_goal (
    id               bigint generated always as identity primary key,
    employee_id      bigint not null references employee (id),
    competency_id    bigint not null references competency (id),
    cycle_subject_id bigint references cycle_subject (id),
    current_level    numeric(4, 2),
    target_level     integer not null,
    note             text not null default '',
    status           text not null default 'suggested' check (status in ('suggested', 'accepted', 'dismissed')),
    created_by_user_id bigint not null references app_user (id),
    created_at       timestamptz not null default now()
);
create index suggested_goal_employee_id_idx on suggested_goal (employee_id);
create index suggested_goal_competency_id_idx on suggested_goal (competency_id);
create index suggested_goal_cycle_subject_id_idx on suggested_goal (cycle_subject_id);
create index suggested_goal_created_by_user_id_idx on suggested_goal (created_by_user_id);
create unique index suggested_goal_once on suggested_goal (cycle_subject_id, competency_id) where status <> 'dismissed';

--changeset clinlead:0006-guards splitStatements:false
-- Ratings change only while their assignment is open and its cycle is rating; the score must be on
-- the cycle's scale and the competency in the subject's questionnaire.
create function guard_rating() returns trigger language plpgsql as $$
declare
    a_id bigint := case when tg_op = 'DELETE' then old.assignment_id else new.assignment_id end;
    a_status text;
    c_status text;
    max_level integer;
begin
    select a.status, c.status, (select max(level_no) from proficiency_level p where p.framework_version_id = c.framework_version_id)
      into a_status, c_status, max_level
      from rater_assignment a
      join cycle_subject s on s.id = a.cycle_subject_id
      join review_cycle c on c.id = s.cycle_id
     where a.id = a_id;
    if a_status is null then
        return case when tg_op = 'DELETE' then old else new end; -- cascade from a deleted assignment
    end if;
    if c_status <> 'rating' or a_status not in ('invited', 'in_progress') then
        raise exception 'this assessment is % and the cycle is %; answers can no longer change', a_status, c_status
            using errcode = 'CL002';
    end if;
    if tg_op <> 'DELETE' and tg_table_name = 'rating' then
        if new.score is not null and new.score > max_level then
            raise exception 'a score of % is outside the scale 1-%', new.score, max_level using errcode = 'CL002';
        end if;
        if not exists (select 1 from rater_assignment a join cycle_subject s on s.id = a.cycle_subject_id
                       join cycle_question q on q.cycle_id = s.cycle_id and q.job_role_id = s.job_role_id
                       where a.id = a_id and q.competency_id = new.competency_id) then
            raise exception 'competency % is not in this questionnaire', new.competency_id using errcode = 'CL002';
        end if;
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end
$$;

-- Released results never change (a later response cannot be isolated by comparing versions).
-- Statement-level with transition tables: one check per statement, not one per computed row.
create function guard_released_result() returns trigger language plpgsql as $$
begin
    if exists (select 1 from changed_rows r join cycle_subject s on s.id = r.cycle_subject_id
               join review_cycle c on c.id = s.cycle_id where c.status = 'released') then
        raise exception 'the results of a released cycle cannot change' using errcode = 'CL002';
    end if;
    return null;
end
$$;

--changeset clinlead:0006-guard-triggers
create trigger rating_guard before insert or update or delete on rating
    for each row execute function guard_rating();
create trigger rater_answer_guard before insert or update or delete on rater_answer
    for each row execute function guard_rating();
create trigger result_score_guard_insert after insert on result_score
    referencing new table as changed_rows
    for each statement execute function guard_released_result();
create trigger result_score_guard_update after update on result_score
    referencing new table as changed_rows
    for each statement execute function guard_released_result();
create trigger result_score_guard_delete after delete on result_score
    referencing old table as changed_rows
    for each statement execute function guard_released_result();
create trigger result_group_guard_insert after insert on result_group
    referencing new table as changed_rows
    for each statement execute function guard_released_result();
create trigger result_group_guard_update after update on result_group
    referencing new table as changed_rows
    for each statement execute function guard_released_result();
create trigger result_group_guard_delete after delete on result_group
    referencing old table as changed_rows
    for each statement execute function guard_released_result();
create trigger result_comment_guard_insert after insert on result_comment
    referencing new table as changed_rows
    for each statement execute function guard_released_result();
create trigger result_comment_guard_update after update on result_comment
    referencing new table as changed_rows
    for each statement execute function guard_released_result();
create trigger result_comment_guard_delete after delete on result_comment
    referencing old table as changed_rows
    for each statement execute function guard_released_result();

create trigger review_cycle_audit after insert or update or delete on review_cycle
    for each row execute function audit_row();
create trigger cycle_rater_group_audit after insert or update or delete on cycle_rater_group
    for each row execute function audit_row();
create trigger cycle_subject_audit after insert or update or delete on cycle_subject
    for each row execute function audit_row();
-- Assignments are audited without token hashes; ratings are not audited, so no audit entry
-- can reveal an anonymous rater's answer.
create trigger rater_assignment_audit after insert or update or delete on rater_assignment
    for each row execute function audit_row('token_hash', 'last_saved_at', 'last_reminded_on');
create trigger competency_evidence_audit after insert or update or delete on competency_evidence
    for each row execute function audit_row();
create trigger suggested_goal_audit after insert or update or delete on suggested_goal
    for each row execute function audit_row();
