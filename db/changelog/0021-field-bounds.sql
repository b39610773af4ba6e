--liquibase formatted sql

--changeset clinlead:0021-field-bounds
-- Bounds that fit each field's meaning (docs/content-format.md, "Bounds of every field"). The
-- application checks them first and names row, column and reason; these constraints are the
-- backstop. Constraints on tables that may already hold older data are added NOT VALID: they
-- hold for every row written from now on without refusing the upgrade of a database whose
-- history has an odd row (no table is scanned: the cost follows the change, not the company).

-- A KPI's range of plausible values: declared in content/kpis/ or defaulted from its unit.
alter table kpi
    add column min_value numeric,
    add column max_value numeric,
    add constraint kpi_value_bounds check (min_value is null or max_value is null or min_value < max_value);

alter table employee
    add constraint employee_email_length check (length(email) <= 254) not valid,
    add constraint employee_hire_date_bounds check (hire_date between date '1950-01-01' and date '2199-12-31') not valid,
    add constraint employee_role_since_bounds check (role_since <= date '2199-12-31') not valid;

alter table training_completion
    add constraint training_completion_completed_on_bounds check (completed_on >= date '1950-01-01') not valid,
    add constraint training_completion_text_lengths
        check (length(trainer) <= 200 and length(provider) <= 200 and length(import_key) <= 201) not valid;

alter table kpi_observation
    add constraint kpi_observation_period_bounds check (period >= date '2000-01-01') not valid;
