--liquibase formatted sql

--changeset clinlead:0010-succession
-- Position-based succession: a critical position (title, unit, the role it is, its incumbent, the
-- risk and the impact of losing them) and its named successors with their readiness.
create table critical_position (
    id             bigint generated always as identity primary key,
    title          text not null check (length(trim(title)) between 1 and 200),
    org_unit_id    bigint not null references org_unit (id),
    job_role_id    bigint not null references job_role (id),
    incumbent_id   bigint references employee (id),
    risk_of_loss   text not null check (risk_of_loss in ('low', 'medium', 'high')),
    impact_of_loss text not null check (impact_of_loss in ('low', 'medium', 'high')),
    active         boolean not null default true,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    version        integer not null default 0
);
create index critical_position_org_unit_id_idx on critical_position (org_unit_id) where active;
create index critical_position_job_role_id_idx on critical_position (job_role_id);
create index critical_position_incumbent_id_idx on critical_position (incumbent_id);
create trigger critical_position_updated_at before update on critical_position
    for each row execute function set_updated_at();
create trigger critical_position_audit after insert or update or delete on critical_position
    for each row execute function audit_row();

create table successor (
    id                   bigint generated always as identity primary key,
    position_id          bigint not null references critical_position (id),
    employee_id          bigint not null references employee (id),
    readiness            text not null check (readiness in ('ready_now', 'one_to_two_years', 'three_plus_years')),
    note                 text not null default '',
    nominated_by_user_id bigint not null references app_user (id),
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    version              integer not null default 0,
    unique (position_id, employee_id)
);
create index successor_employee_id_idx on successor (employee_id);
create index successor_nominated_by_user_id_idx on successor (nominated_by_user_id);
create trigger successor_updated_at before update on successor
    for each row execute function set_updated_at();
create trigger successor_audit after insert or update or delete on successor
    for each row execute function audit_row();

-- Talent review: a 9-box rating (performance in the current role x potential for a bigger one),
-- with the calibration note, who rated and when. Ratings are added, never changed: the latest is
-- the current one and the earlier ones are the history.
create table talent_rating (
    id               bigint generated always as identity primary key,
    employee_id      bigint not null references employee (id),
    performance      text not null check (performance in ('low', 'moderate', 'high')),
    potential        text not null check (potential in ('low', 'moderate', 'high')),
    note             text not null default '',
    rated_on         date not null,
    rated_by_user_id bigint not null references app_user (id),
    rated_by_name    text not null,
    created_at       timestamptz not null default now()
);
create index talent_rating_employee_idx on talent_rating (employee_id, rated_on desc, id desc);
create index talent_rating_rated_by_user_id_idx on talent_rating (rated_by_user_id);
create trigger talent_rating_append_only before update or delete on talent_rating
    for each row execute function forbid_change();
create trigger talent_rating_audit after insert on talent_rating
    for each row execute function audit_row();
