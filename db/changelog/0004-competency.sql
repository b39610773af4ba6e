--liquibase formatted sql

--changeset clinlead:0004-framework
create table framework (
    id          bigint generated always as identity primary key,
    code        text not null unique check (code ~ '^[A-Z][A-Z0-9_-]{1,31}$'),
    name        text not null check (length(trim(name)) between 1 and 200),
    description text not null default '',
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     integer not null default 0
);
create trigger framework_updated_at before update on framework for each row execute function set_updated_at();

-- A version moves draft -> published -> retired. Only a draft can change (enforced below).
create table framework_version (
    id            bigint generated always as identity primary key,
    framework_id  bigint not null references framework (id),
    version_no    integer not null check (version_no > 0),
    label         text not null default '',
    status        text not null default 'draft' check (status in ('draft', 'published', 'retired')),
    change_note   text not null default '',
    based_on_id   bigint references framework_version (id),
    published_at  timestamptz,
    published_by  text,
    retired_at    timestamptz,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    version       integer not null default 0,
    unique (framework_id, version_no),
    check ((status = 'draft') = (published_at is null)),
    check ((status = 'retired') = (retired_at is not null))
);
create unique index framework_version_one_draft on framework_version (framework_id) where status = 'draft';
create unique index framework_version_one_published on framework_version (framework_id) where status = 'published';
create index framework_version_based_on_id_idx on framework_version (based_on_id);
create trigger framework_version_updated_at before update on framework_version
    for each row execute function set_updated_at();

create table proficiency_level (
    id                   bigint generated always as identity primary key,
    framework_version_id bigint not null references framework_version (id) on delete cascade,
    level_no             integer not null check (level_no between 1 and 9),
    name                 text not null check (length(trim(name)) between 1 and 100),
    description          text not null default '',
    unique (framework_version_id, level_no)
);

create table competency_domain (
    id                   bigint generated always as identity primary key,
    framework_version_id bigint not null references framework_version (id) on delete cascade,
    code                 text not null check (code ~ '^[A-Z][A-Z0-9_-]{0,31}$'),
    name                 text not null check (length(trim(name)) between 1 and 200),
    description          text not null default '',
    position             integer not null default 0,
    unique (framework_version_id, code),
    unique (id, framework_version_id)
);

-- A competency keeps its code across versions; versions are compared by code.
create table competency (
    id                   bigint generated always as identity primary key,
    framework_version_id bigint not null references framework_version (id) on delete cascade,
    domain_id            bigint not null,
    code                 text not null check (code ~ '^[A-Z][A-Z0-9_-]{1,31}$'),
    name                 text not null check (length(trim(name)) between 1 and 200),
    description          text not null default '',
    position             integer not null default 0,
    unique (framework_version_id, code),
    unique (id, framework_version_id),
    foreign key (domain_id, framework_version_id)
        references competency_domain (id, framework_version_id) on delete cascade
);
create index competency_domain_id_idx on competency (domain_id, framework_version_id);

-- What a competency looks like at one proficiency level: a descriptor and behavioural indicators.
create table competency_level (
    id                   bigint generated always as identity primary key,
    competency_id        bigint not null,
    framework_version_id bigint not null,
    level_no             integer not null,
    descriptor           text not null check (length(trim(descriptor)) > 0),
    indicators           text[] not null default '{}',
    unique (competency_id, level_no),
    foreign key (competency_id, framework_version_id)
        references competency (id, framework_version_id) on delete cascade,
    foreign key (framework_version_id, level_no)
        references proficiency_level (framework_version_id, level_no)
);
create index competency_level_version_level_idx on competency_level (framework_version_id, level_no);

-- The role profile: the level a job role requires per competency of a framework version.
create table role_requirement (
    id                   bigint generated always as identity primary key,
    framework_version_id bigint not null,
    job_role_id          bigint not null references job_role (id),
    competency_id        bigint not null,
    required_level       integer not null,
    unique (framework_version_id, job_role_id, competency_id),
    foreign key (competency_id, framework_version_id)
        references competency (id, framework_version_id) on delete cascade,
    foreign key (framework_version_id, required_level)
        references proficiency_level (framework_version_id, level_no)
);
create index role_requirement_job_role_idx on role_requirement (job_role_id, framework_version_id);
create index role_requirement_competency_id_idx on role_requirement (competency_id, framework_version_id);

--changeset clinlead:0004-immutability-functions splitStatements:false
-- A published or retired framework version never changes, whoever writes to the database.
create function forbid_change_to_released_version() returns trigger language plpgsql as $$
declare
    version_id bigint := case when tg_op = 'DELETE' then old.framework_version_id else new.framework_version_id end;
    version_status text;
begin
    select status into version_status from framework_version where id = version_id;
    if version_status is distinct from 'draft' and version_status is not null then
        raise exception 'framework version % is % and cannot change; start a new draft instead',
            version_id, version_status using errcode = 'CL001';
    end if;
    if tg_op = 'UPDATE' and new.framework_version_id <> old.framework_version_id then
        raise exception 'a % cannot move to another framework version', tg_table_name using errcode = 'CL001';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end
$$;

-- Role profiles may be edited while their version is a draft or published, never once retired.
create function forbid_change_to_retired_profile() returns trigger language plpgsql as $$
declare
    version_id bigint := case when tg_op = 'DELETE' then old.framework_version_id else new.framework_version_id end;
begin
    if exists (select 1 from framework_version where id = version_id and status = 'retired') then
        raise exception 'framework version % is retired; its role profiles cannot change', version_id
            using errcode = 'CL001';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end
$$;

-- Only drafts are edited or deleted; publishing and retiring change nothing but the status.
create function guard_framework_version() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        if old.status <> 'draft' then
            raise exception 'framework version % is % and cannot be deleted', old.id, old.status using errcode = 'CL001';
        end if;
        return old;
    end if;
    if old.status = 'draft' then
        if new.status not in ('draft', 'published') then
            raise exception 'a draft framework version can only be published' using errcode = 'CL001';
        end if;
        return new;
    end if;
    if old.status = 'published' and new.status = 'retired'
       and (new.framework_id, new.version_no, new.label, new.change_note, new.based_on_id, new.published_at, new.published_by)
           is not distinct from
           (old.framework_id, old.version_no, old.label, old.change_note, old.based_on_id, old.published_at, old.published_by) then
        return new;
    end if;
    raise exception 'framework version % is % and cannot change; start a new draft instead', old.id, old.status
        using errcode = 'CL001';
end
$$;

--changeset clinlead:0004-immutability-triggers
create trigger framework_version_guard before update or delete on framework_version
    for each row execute function guard_framework_version();
create trigger proficiency_level_immutable before insert or update or delete on proficiency_level
    for each row execute function forbid_change_to_released_version();
create trigger competency_domain_immutable before insert or update or delete on competency_domain
    for each row execute function forbid_change_to_released_version();
create trigger competency_immutable before insert or update or delete on competency
    for each row execute function forbid_change_to_released_version();
create trigger competency_level_immutable before insert or update or delete on competency_level
    for each row execute function forbid_change_to_released_version();
create trigger role_requirement_retired before insert or update or delete on role_requirement
    for each row execute function forbid_change_to_retired_profile();

--changeset clinlead:0004-audit-triggers
create trigger framework_audit after insert or update or delete on framework
    for each row execute function audit_row();
create trigger framework_version_audit after insert or update or delete on framework_version
    for each row execute function audit_row();
create trigger proficiency_level_audit after insert or update or delete on proficiency_level
    for each row execute function audit_row();
create trigger competency_domain_audit after insert or update or delete on competency_domain
    for each row execute function audit_row();
create trigger competency_audit after insert or update or delete on competency
    for each row execute function audit_row();
create trigger competency_level_audit after insert or update or delete on competency_level
    for each row execute function audit_row();
create trigger role_requirement_audit after insert or update or delete on role_requirement
    for each row execute function audit_row();
