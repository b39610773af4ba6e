--liquibase formatted sql

--changeset clinlead:0002-app-user
create table app_user (
    id                    bigint generated always as identity primary key,
    username              text not null check (username ~ '^[a-z0-9][a-z0-9._@-]{1,63}$'),
    password_hash         text not null,
    display_name          text not null check (length(trim(display_name)) between 1 and 200),
    email                 text check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    employee_id           bigint references employee (id),
    -- HR and directors see the organisation subtree below this unit (their own unit when null).
    scope_org_unit_id     bigint references org_unit (id),
    enabled               boolean not null default true,
    must_change_password  boolean not null default false,
    failed_login_count    integer not null default 0 check (failed_login_count >= 0),
    locked_until          timestamptz,
    last_login_at         timestamptz,
    password_changed_at   timestamptz,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    version               integer not null default 0
);
create unique index app_user_username_key on app_user (username);
create unique index app_user_employee_id_key on app_user (employee_id);
create index app_user_scope_org_unit_id_idx on app_user (scope_org_unit_id);
create trigger app_user_updated_at before update on app_user for each row execute function set_updated_at();

create table app_user_role (
    id      bigint generated always as identity primary key,
    user_id bigint not null references app_user (id) on delete cascade,
    role    text not null check (role in ('STAFF', 'COACH', 'MANAGER', 'HR', 'DIRECTOR', 'ADMIN')),
    unique (user_id, role)
);

--changeset clinlead:0002-api-token
-- Tokens for the import API. Only a SHA-256 hash of the secret is kept; the secret is shown once.
create table api_token (
    id                 bigint generated always as identity primary key,
    name               text not null check (length(trim(name)) between 1 and 100),
    token_prefix       text not null,
    token_hash         text not null unique,
    scopes             text[] not null check (cardinality(scopes) > 0
                       and scopes <@ array['people:import', 'training:import', 'kpi:import']::text[]),
    created_by_user_id bigint not null references app_user (id),
    created_at         timestamptz not null default now(),
    expires_at         timestamptz,
    revoked_at         timestamptz,
    last_used_at       timestamptz
);
create index api_token_created_by_user_id_idx on api_token (created_by_user_id);

--changeset clinlead:0002-coaching-relationship
-- Who coaches or mentors whom. The coaching feature builds on it; the data-scoping rule reads it.
create table coaching_relationship (
    id            bigint generated always as identity primary key,
    coach_user_id bigint not null references app_user (id),
    coachee_id    bigint not null references employee (id),
    kind          text not null default 'coaching' check (kind in ('coaching', 'mentoring')),
    status        text not null default 'requested' check (status in ('requested', 'active', 'ended', 'declined')),
    starts_on     date not null,
    ends_on       date,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    version       integer not null default 0,
    check (ends_on is null or ends_on >= starts_on)
);
create index coaching_relationship_coach_idx on coaching_relationship (coach_user_id, coachee_id) where status = 'active';
create index coaching_relationship_coachee_id_idx on coaching_relationship (coachee_id);
create trigger coaching_relationship_updated_at before update on coaching_relationship
    for each row execute function set_updated_at();
