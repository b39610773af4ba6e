--liquibase formatted sql

--changeset clinlead:0001-shared-functions splitStatements:false
-- Keeps updated_at current on every edited row.
create function set_updated_at() returns trigger language plpgsql as $$
begin
    new.updated_at := now();
    return new;
end
$$;

--changeset clinlead:0001-app-setting
create table app_setting (
    key        text primary key,
    value      text not null,
    updated_at timestamptz not null default now()
);

--changeset clinlead:0001-org-unit
create table org_unit (
    id         bigint generated always as identity primary key,
    code       text not null unique check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$'),
    name       text not null check (length(trim(name)) between 1 and 200),
    kind       text not null default 'department'
               check (kind in ('company', 'division', 'region', 'country', 'department', 'team')),
    parent_id  bigint references org_unit (id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    version    integer not null default 0,
    check (parent_id is distinct from id)
);
create index org_unit_parent_id_idx on org_unit (parent_id);
create trigger org_unit_updated_at before update on org_unit for each row execute function set_updated_at();

-- Every (ancestor, descendant) pair of the unit tree, depth 0 included; maintained by trigger.
create table org_unit_closure (
    ancestor_id   bigint not null references org_unit (id) on delete cascade,
    descendant_id bigint not null references org_unit (id) on delete cascade,
    depth         integer not null check (depth >= 0),
    primary key (ancestor_id, descendant_id)
);
create index org_unit_closure_descendant_idx on org_unit_closure (descendant_id, ancestor_id);

--changeset clinlead:0001-job-role
create table job_role (
    id          bigint generated always as identity primary key,
    code        text not null unique check (code ~ '^[A-Z][A-Z0-9_-]{1,31}$'),
    name        text not null check (length(trim(name)) between 1 and 200),
    family      text not null default 'clinical_operations'
                check (family in ('clinical_operations', 'study_management', 'site_management',
                                  'quality', 'data', 'leadership', 'people_and_learning')),
    career_level integer not null check (career_level between 1 and 10),
    description text not null default '',
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     integer not null default 0
);
create trigger job_role_updated_at before update on job_role for each row execute function set_updated_at();

-- Career path edges: people in from_role usually move on to to_role.
create table career_path (
    id           bigint generated always as identity primary key,
    from_role_id bigint not null references job_role (id),
    to_role_id   bigint not null references job_role (id),
    unique (from_role_id, to_role_id),
    check (from_role_id <> to_role_id)
);
create index career_path_to_role_id_idx on career_path (to_role_id);

--changeset clinlead:0001-employee
create table employee (
    id              bigint generated always as identity primary key,
    employee_number text not null unique check (employee_number ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$'),
    first_name      text not null check (length(trim(first_name)) between 1 and 100),
    last_name       text not null check (length(trim(last_name)) between 1 and 100),
    email           text not null check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    job_role_id     bigint not null references job_role (id),
    org_unit_id     bigint not null references org_unit (id),
    manager_id      bigint references employee (id),
    hire_date       date not null,
    role_since      date not null,
    country         text not null check (country ~ '^[A-Z]{2}$'),
    status          text not null default 'active' check (status in ('active', 'leave', 'terminated')),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    version         integer not null default 0,
    check (manager_id is distinct from id),
    check (role_since >= hire_date)
);
create unique index employee_email_key on employee (lower(email));
create index employee_job_role_id_idx on employee (job_role_id);
create index employee_org_unit_id_idx on employee (org_unit_id);
create index employee_manager_id_idx on employee (manager_id);
create index employee_name_idx on employee (lower(last_name), lower(first_name), id);
create trigger employee_updated_at before update on employee for each row execute function set_updated_at();

-- Every (manager, report) pair of the reporting line, depth 0 (self) included; maintained by trigger.
create table reporting_line (
    ancestor_id   bigint not null references employee (id) on delete cascade,
    descendant_id bigint not null references employee (id) on delete cascade,
    depth         integer not null check (depth >= 0),
    primary key (ancestor_id, descendant_id)
);
create index reporting_line_descendant_idx on reporting_line (descendant_id, ancestor_id);

--changeset clinlead:0001-employee-search
-- Directory search by any part of a name, e-mail address or employee id, indexed by trigrams.
create extension if not exists pg_trgm;
alter table employee add column search_text text
    generated always as (lower(first_name || ' ' || last_name || ' ' || employee_number || ' ' || email)) stored;
create index employee_search_text_idx on employee using gin (search_text gin_trgm_ops);

--changeset clinlead:0001-closure-functions splitStatements:false
-- Rebuilds org_unit_closure from org_unit.parent_id. A unit that cannot be reached from a root
-- sits on a cycle, which is rejected.
create function refresh_org_unit_closure() returns trigger language plpgsql as $$
begin
    lock table org_unit_closure in exclusive mode;
    if (with recursive reachable (id) as (
            select id from org_unit where parent_id is null
            union all
            select o.id from reachable r join org_unit o on o.parent_id = r.id
        ) select count(*) from reachable) <> (select count(*) from org_unit) then
        raise exception 'the organisation tree would contain a cycle' using errcode = 'check_violation';
    end if;
    delete from org_unit_closure;
    insert into org_unit_closure (ancestor_id, descendant_id, depth)
    with recursive tree (ancestor_id, descendant_id, depth) as (
        select id, id, 0 from org_unit
        union all
        select t.ancestor_id, o.id, t.depth + 1 from tree t join org_unit o on o.parent_id = t.descendant_id
    )
    select ancestor_id, descendant_id, depth from tree;
    return null;
end
$$;

-- Rebuilds reporting_line from employee.manager_id (skipped when an update changed no manager).
-- An employee who cannot be reached from someone without a manager sits on a cycle: rejected.
create function refresh_reporting_line() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        if not exists (select 1 from old_rows o join new_rows n on n.id = o.id
                       where o.manager_id is distinct from n.manager_id) then
            return null;
        end if;
    end if;
    lock table reporting_line in exclusive mode;
    if (with recursive reachable (id) as (
            select id from employee where manager_id is null
            union all
            select e.id from reachable r join employee e on e.manager_id = r.id
        ) select count(*) from reachable) <> (select count(*) from employee) then
        raise exception 'the reporting line would contain a cycle' using errcode = 'check_violation';
    end if;
    delete from reporting_line;
    insert into reporting_line (ancestor_id, descendant_id, depth)
    with recursive line (ancestor_id, descendant_id, depth) as (
        select id, id, 0 from employee
        union all
        select l.ancestor_id, e.id, l.depth + 1 from line l join employee e on e.manager_id = l.descendant_id
    )
    select ancestor_id, descendant_id, depth from line;
    return null;
end
$$;

--changeset clinlead:0001-closure-triggers
create trigger org_unit_closure_on_insert after insert on org_unit
    for each statement execute function refresh_org_unit_closure();
create trigger org_unit_closure_on_update after update of parent_id on org_unit
    for each statement execute function refresh_org_unit_closure();
create trigger org_unit_closure_on_delete after delete on org_unit
    for each statement execute function refresh_org_unit_closure();
create trigger reporting_line_on_insert after insert on employee
    for each statement execute function refresh_reporting_line();
create trigger reporting_line_on_update after update on employee
    referencing old table as old_rows new table as new_rows for each statement execute function refresh_reporting_line();
create trigger reporting_line_on_delete after delete on employee
    for each statement execute function refresh_reporting_line();
