--liquibase formatted sql

--changeset clinlead:0012-kpi
-- Operational KPI definitions, loaded from content/kpis/ (docs/kpis.md). The level says what an
-- observation is about (a person, an organisation unit, a study or a study site); the aggregation
-- says how observations combine into a unit, team or study figure: mean of values, sum of values,
-- or rate = sum(numerator) / sum(denominator) x rate_scale.
create table kpi (
    id          bigint generated always as identity primary key,
    code        text not null unique check (code ~ '^[A-Z][A-Z0-9_-]{1,39}$'),
    name        text not null check (length(trim(name)) between 1 and 200),
    description text not null default '',
    unit        text not null check (length(trim(unit)) between 1 and 60),
    direction   text not null check (direction in ('higher_is_better', 'lower_is_better')),
    level       text not null check (level in ('person', 'org_unit', 'study', 'site')),
    aggregation text not null check (aggregation in ('mean', 'sum', 'rate')),
    rate_scale  numeric not null default 1 check (rate_scale > 0),
    target      numeric,
    source      text not null default '' check (length(source) <= 100),
    sort_order  integer not null default 0,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     integer not null default 0,
    unique (id, level)
);
create trigger kpi_updated_at before update on kpi for each row execute function set_updated_at();
create trigger kpi_audit after insert or update or delete on kpi for each row execute function audit_row();

-- A study site as a KPI subject (site activation, deviations, SAE timeliness ...).
create table study_site (
    id           bigint generated always as identity primary key,
    study_id     bigint not null references study (id),
    site_code    text not null check (site_code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$'),
    name         text not null check (length(trim(name)) between 1 and 200),
    country      text not null check (country ~ '^[A-Z]{2}$'),
    activated_on date,
    status       text not null default 'active' check (status in ('planned', 'active', 'closed')),
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    version      integer not null default 0,
    unique (study_id, site_code)
);
create trigger study_site_updated_at before update on study_site for each row execute function set_updated_at();
create trigger study_site_audit after insert or update or delete on study_site for each row execute function audit_row();

-- One import of observations: who imported which file when, and what it did.
create table kpi_import_batch (
    id                  bigint generated always as identity primary key,
    file_name           text not null check (length(file_name) between 1 and 255),
    imported_by         text not null,
    imported_by_user_id bigint references app_user (id),
    imported_at         timestamptz not null default now(),
    rows_read           integer not null check (rows_read >= 0),
    created             integer not null check (created >= 0),
    updated             integer not null check (updated >= 0),
    unchanged           integer not null check (unchanged >= 0),
    check (created + updated + unchanged = rows_read)
);
create index kpi_import_batch_imported_by_user_id_idx on kpi_import_batch (imported_by_user_id);
create index kpi_import_batch_imported_at_idx on kpi_import_batch (imported_at desc);
create trigger kpi_import_batch_audit after insert or update or delete on kpi_import_batch
    for each row execute function audit_row();

-- One monthly value of a KPI for one subject. Exactly one subject column is set, the one of the
-- KPI's level (the composite foreign key on (kpi_id, level) makes the level match the KPI's);
-- subject_id repeats it so that (kpi_id, subject_id, period) is the natural key re-imports
-- upsert on. Rates carry their numerator and denominator so that they roll up correctly.
create table kpi_observation (
    id              bigint generated always as identity primary key,
    kpi_id          bigint not null,
    level           text not null,
    period          date not null check (extract(day from period) = 1),
    employee_id     bigint references employee (id),
    org_unit_id     bigint references org_unit (id),
    study_id        bigint references study (id),
    site_id         bigint references study_site (id),
    subject_id      bigint not null generated always as (coalesce(employee_id, org_unit_id, study_id, site_id)) stored,
    value           numeric not null,
    numerator       numeric,
    denominator     numeric check (denominator > 0),
    source          text not null check (length(trim(source)) between 1 and 100),
    import_batch_id bigint references kpi_import_batch (id),
    imported_at     timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    foreign key (kpi_id, level) references kpi (id, level),
    check (num_nonnulls(employee_id, org_unit_id, study_id, site_id) = 1),
    check ((level = 'person') = (employee_id is not null)),
    check ((level = 'org_unit') = (org_unit_id is not null)),
    check ((level = 'study') = (study_id is not null)),
    check ((level = 'site') = (site_id is not null)),
    check ((numerator is null) = (denominator is null))
);
-- The natural key; covering, it serves the trend of one KPI for one subject and, since subject_id
-- is employee_id for person-level KPIs, one KPI for a set of people across periods (impact
-- analyses join on subject_id) and unit roll-ups of person-level KPIs.
create unique index kpi_observation_key on kpi_observation (kpi_id, subject_id, period)
    include (value, numerator, denominator);
-- a person's KPIs (their page) and the employee foreign key; the other subjects likewise
create index kpi_observation_employee_id_idx on kpi_observation (employee_id, kpi_id, period)
    include (value) where employee_id is not null;
create index kpi_observation_org_unit_id_idx on kpi_observation (org_unit_id) where org_unit_id is not null;
create index kpi_observation_study_id_idx on kpi_observation (study_id) where study_id is not null;
create index kpi_observation_site_id_idx on kpi_observation (site_id) where site_id is not null;
create index kpi_observation_import_batch_id_idx on kpi_observation (import_batch_id);
create index study_site_study_id_idx on study_site (study_id);
create trigger kpi_observation_updated_at before update on kpi_observation
    for each row execute function set_updated_at();
-- KPI data is not a GCP record: a corrected value replaces the old one. Inserts are recorded by
-- their import batch; every correction is in the audit trail with the old and new value.
create trigger kpi_observation_audit_update after update on kpi_observation
    referencing old table as old_rows new table as new_rows for each statement execute function audit_statement();
create trigger kpi_observation_audit_delete after delete on kpi_observation
    referencing old table as old_rows for each statement execute function audit_statement();

