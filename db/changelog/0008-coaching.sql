--liquibase formatted sql

--changeset clinlead:0008-btree-gist
-- Exclusion constraints over (person, period) need btree equality in a GiST index; btree_gist is
-- a trusted extension, so the database owner may create it.
create extension if not exists btree_gist;

--changeset clinlead:0008-coaching-relationship
-- The relationship table exists since 0002 (the data-scoping rule reads it); coaching adds what
-- the coach and coachee agree: focus, session cadence, who asked, and when it was decided.
alter table coaching_relationship
    add column purpose              text not null default '',
    add column cadence_days         integer not null default 28 check (cadence_days between 7 and 180),
    add column requested_by_user_id bigint references app_user (id),
    add column decided_at           timestamptz,
    add column decline_reason       text,
    add column end_reason           text;
create index coaching_relationship_requested_by_user_id_idx on coaching_relationship (requested_by_user_id);
-- one open relationship of a kind between a coach and a coachee
create unique index coaching_relationship_open on coaching_relationship (coach_user_id, coachee_id, kind)
    where status in ('requested', 'active');

-- The competencies a relationship focuses on.
create table coaching_focus (
    id              bigint generated always as identity primary key,
    relationship_id bigint not null references coaching_relationship (id),
    competency_id   bigint not null references competency (id),
    unique (relationship_id, competency_id)
);
create index coaching_focus_competency_id_idx on coaching_focus (competency_id);
create trigger coaching_focus_audit after insert or update or delete on coaching_focus
    for each row execute function audit_row();

--changeset clinlead:0008-development-plan
-- A person's development plan for a period. Plans of one person never overlap, except that a
-- closed plan (kept read-only) no longer counts.
create table development_plan (
    id                  bigint generated always as identity primary key,
    employee_id         bigint not null references employee (id),
    title               text not null check (length(trim(title)) between 1 and 200),
    starts_on           date not null,
    ends_on             date not null,
    status              text not null default 'draft' check (status in ('draft', 'submitted', 'approved', 'closed')),
    submitted_at        timestamptz,
    approved_by_user_id bigint references app_user (id),
    approved_at         timestamptz,
    closed_at           timestamptz,
    created_by_user_id  bigint not null references app_user (id),
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    version             integer not null default 0,
    check (ends_on > starts_on),
    check (status <> 'approved' or (approved_by_user_id is not null and approved_at is not null)),
    constraint development_plan_no_overlap exclude using gist
        (employee_id with =, daterange(starts_on, ends_on, '[]') with &&) where (status <> 'closed')
);
create index development_plan_employee_idx on development_plan (employee_id, starts_on desc);
create index development_plan_approved_by_user_id_idx on development_plan (approved_by_user_id);
create index development_plan_created_by_user_id_idx on development_plan (created_by_user_id);
create index development_plan_submitted_idx on development_plan (status) where status = 'submitted';
create trigger development_plan_updated_at before update on development_plan
    for each row execute function set_updated_at();
create trigger development_plan_audit after insert or update or delete on development_plan
    for each row execute function audit_row();

-- A goal: tied to a competency (current and target level) or a free-form leadership goal.
-- Closed as met with evidence and the level reached, or as not met or dropped with a note.
create table plan_goal (
    id                 bigint generated always as identity primary key,
    plan_id            bigint not null references development_plan (id),
    competency_id      bigint references competency (id),
    title              text not null check (length(trim(title)) between 1 and 200),
    why                text not null default '',
    success_criteria   text not null default '',
    current_level      numeric(4, 2),
    target_level       integer,
    starts_on          date not null,
    due_on             date not null,
    status             text not null default 'open' check (status in ('open', 'met', 'not_met', 'dropped')),
    closed_on          date,
    closed_by_user_id  bigint references app_user (id),
    level_reached      numeric(4, 2),
    evidence_kind      text check (evidence_kind in ('course', 'assessment_360', 'manager_validation', 'session_outcome')),
    evidence_note      text,
    completion_id      bigint references training_completion (id),
    suggested_goal_id  bigint references suggested_goal (id),
    position           integer not null default 0,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    version            integer not null default 0,
    check (due_on >= starts_on),
    check (competency_id is null or target_level is not null),
    check ((status = 'open') = (closed_on is null)),
    check (status <> 'met' or (evidence_kind is not null and length(trim(evidence_note)) > 0)),
    check (evidence_kind <> 'course' or completion_id is not null)
);
create index plan_goal_plan_idx on plan_goal (plan_id, position, id);
create index plan_goal_competency_id_idx on plan_goal (competency_id);
create index plan_goal_completion_id_idx on plan_goal (completion_id);
create index plan_goal_suggested_goal_id_idx on plan_goal (suggested_goal_id);
create index plan_goal_closed_by_user_id_idx on plan_goal (closed_by_user_id);
create index plan_goal_closed_idx on plan_goal (closed_on) where status <> 'open';
create trigger plan_goal_updated_at before update on plan_goal
    for each row execute function set_updated_at();
create trigger plan_goal_audit after insert or update or delete on plan_goal
    for each row execute function audit_row();

-- The history of a plan (remarks and decisions), in order: submitted, approved, returned, a comment, a change
-- made after approval, closed.
create table plan_event (
    id             bigint generated always as identity primary key,
    plan_id        bigint not null references development_plan (id),
    author_user_id bigint not null references app_user (id),
    author_name    text not null,
    kind           text not null check (kind in ('submitted', 'approved', 'returned', 'comment', 'changed', 'closed')),
    body           text not null default '',
    created_at     timestamptz not null default now()
);
create index plan_event_plan_idx on plan_event (plan_id, id);
create index plan_event_author_user_id_idx on plan_event (author_user_id);
create trigger plan_event_append_only before update or delete on plan_event
    for each row execute function forbid_change();

--changeset clinlead:0008-coaching-session
-- A coaching session: individual, team (several participants, e.g. a study team), situational
-- (with its trigger) or a short pulse session. Planned, held or cancelled.
create table coaching_session (
    id               bigint generated always as identity primary key,
    coach_user_id    bigint not null references app_user (id),
    held_on          date not null,
    duration_minutes integer not null check (duration_minutes between 5 and 600),
    kind             text not null check (kind in ('individual', 'team', 'situational', 'pulse')),
    trigger          text check (trigger in ('audit_finding', 'sae', 'capa', 'escalation', 'protocol_deviation')),
    status           text not null default 'held' check (status in ('planned', 'held', 'cancelled')),
    study_id         bigint references study (id),
    topic            text not null default '',
    shared_notes     text not null default '',
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          integer not null default 0,
    check ((kind = 'situational') = (trigger is not null)),
    check (kind = 'team' or study_id is null)
);
create index coaching_session_coach_idx on coaching_session (coach_user_id, held_on desc);
create index coaching_session_study_id_idx on coaching_session (study_id);
create index coaching_session_held_on_idx on coaching_session (held_on) where status = 'held';
create trigger coaching_session_updated_at before update on coaching_session
    for each row execute function set_updated_at();
-- notes are confidential: the trail records that they changed, never what they say
create trigger coaching_session_audit after insert or update or delete on coaching_session
    for each row execute function audit_row('!shared_notes');

create table session_participant (
    id              bigint generated always as identity primary key,
    session_id      bigint not null references coaching_session (id),
    employee_id     bigint not null references employee (id),
    relationship_id bigint references coaching_relationship (id),
    reflection      text not null default '',
    reflected_at    timestamptz,
    unique (session_id, employee_id)
);
create index session_participant_employee_idx on session_participant (employee_id, session_id);
create index session_participant_relationship_idx on session_participant (relationship_id);
create trigger session_participant_audit after insert or update or delete on session_participant
    for each row execute function audit_row('!reflection');

create table session_competency (
    session_id    bigint not null references coaching_session (id),
    competency_id bigint not null references competency (id),
    primary key (session_id, competency_id)
);
create index session_competency_competency_id_idx on session_competency (competency_id);

-- Private notes: readable by their author only. Kept apart from the session so that no query of
-- sessions can carry them by accident; the audit trail records that they changed, not the text.
create table session_private_note (
    id             bigint generated always as identity primary key,
    session_id     bigint not null references coaching_session (id),
    author_user_id bigint not null references app_user (id),
    body           text not null,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    unique (session_id, author_user_id)
);
create index session_private_note_author_user_id_idx on session_private_note (author_user_id);
create trigger session_private_note_updated_at before update on session_private_note
    for each row execute function set_updated_at();
create trigger session_private_note_audit after insert or update or delete on session_private_note
    for each row execute function audit_row('!body');

--changeset clinlead:0008-plan-action
-- An action under a goal, or agreed in a coaching session (then it may have no goal yet). It
-- belongs to the person's plan when they have one.
create table plan_action (
    id                 bigint generated always as identity primary key,
    employee_id        bigint not null references employee (id),
    plan_id            bigint references development_plan (id),
    goal_id            bigint references plan_goal (id),
    session_id         bigint references coaching_session (id),
    kind               text not null check (kind in ('course', 'stretch', 'rotation', 'shadowing', 'mentoring',
                                                     'reading', 'drill', 'coaching', 'other')),
    title              text not null check (length(trim(title)) between 1 and 300),
    course_id          bigint references course (id),
    owner_employee_id  bigint references employee (id),
    owner_name         text not null,
    due_on             date not null,
    status             text not null default 'planned' check (status in ('planned', 'in_progress', 'done', 'cancelled')),
    done_on            date,
    evidence           text not null default '',
    created_by_user_id bigint not null references app_user (id),
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    version            integer not null default 0,
    check (goal_id is null or plan_id is not null),
    check (plan_id is not null or session_id is not null),
    check ((status = 'done') = (done_on is not null))
);
create index plan_action_employee_idx on plan_action (employee_id, due_on);
create index plan_action_plan_idx on plan_action (plan_id, goal_id);
create index plan_action_goal_id_idx on plan_action (goal_id);
create index plan_action_session_id_idx on plan_action (session_id);
create index plan_action_course_id_idx on plan_action (course_id);
create index plan_action_owner_employee_id_idx on plan_action (owner_employee_id);
create index plan_action_created_by_user_id_idx on plan_action (created_by_user_id);
create index plan_action_open_due_idx on plan_action (due_on) where status in ('planned', 'in_progress');
create trigger plan_action_updated_at before update on plan_action
    for each row execute function set_updated_at();
create trigger plan_action_audit after insert or update or delete on plan_action
    for each row execute function audit_row();

--changeset clinlead:0008-guards splitStatements:false
-- A closed plan is read-only: its goals and actions no longer change, and nothing is added to it.
create function guard_closed_plan() returns trigger language plpgsql as $$
declare
    p_id bigint := case when tg_op = 'DELETE' then old.plan_id else new.plan_id end;
begin
    if p_id is not null and exists (select 1 from development_plan where id = p_id and status = 'closed') then
        raise exception 'development plan % is closed and read-only', p_id using errcode = 'CL004';
    end if;
    if tg_op = 'UPDATE' and old.plan_id is distinct from new.plan_id and old.plan_id is not null
       and exists (select 1 from development_plan where id = old.plan_id and status = 'closed') then
        raise exception 'development plan % is closed and read-only', old.plan_id using errcode = 'CL004';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end
$$;
create trigger plan_goal_closed_plan before insert or update or delete on plan_goal
    for each row execute function guard_closed_plan();
create trigger plan_action_closed_plan before insert or update or delete on plan_action
    for each row execute function guard_closed_plan();

create function guard_development_plan() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        if old.status <> 'draft' then
            raise exception 'only a draft plan can be deleted' using errcode = 'CL004';
        end if;
        return old;
    end if;
    if old.status = 'closed' then
        raise exception 'development plan % is closed and read-only', old.id using errcode = 'CL004';
    end if;
    return new;
end
$$;
create trigger development_plan_guard before update or delete on development_plan
    for each row execute function guard_development_plan();

-- A session is held on or before today.
create function guard_session_date() returns trigger language plpgsql as $$
begin
    if new.status = 'held' and new.held_on > current_date then
        raise exception 'a session in the future cannot be marked as held' using errcode = 'CL004';
    end if;
    return new;
end
$$;
create trigger coaching_session_date before insert or update on coaching_session
    for each row execute function guard_session_date();
