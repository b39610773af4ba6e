--liquibase formatted sql

--changeset clinlead:0014-kpi-observation-references splitStatements:false
-- KPI observations arrive by the hundred thousand (docs/decisions/0009-kpi-references-checked-per-statement.md):
-- their six foreign keys checked every row one by one (a trigger call and a key lookup each), which
-- was most of an import's time. They are checked once per statement instead, each as one anti-join
-- of the statement's new rows against the referenced table; deleting a referenced row, or changing
-- the level of a KPI that has observations, is refused as the foreign keys refused it. The two
-- indexes that only served those foreign keys go with them (queries read observations by
-- (kpi_id, subject_id, period)).
alter table kpi_observation
    drop constraint kpi_observation_kpi_id_level_fkey,
    drop constraint kpi_observation_employee_id_fkey,
    drop constraint kpi_observation_org_unit_id_fkey,
    drop constraint kpi_observation_study_id_fkey,
    drop constraint kpi_observation_site_id_fkey,
    drop constraint kpi_observation_import_batch_id_fkey;
drop index kpi_observation_employee_id_idx;
drop index kpi_observation_import_batch_id_idx;

create function kpi_observation_references() returns trigger language plpgsql as $$
declare
    missing text;
begin
    select 'KPI ' || n.kpi_id || ' with level ' || n.level into missing from new_rows n
     where not exists (select 1 from kpi k where k.id = n.kpi_id and k.level = n.level) limit 1;
    if missing is null then
        select 'employee ' || n.employee_id into missing from new_rows n
         where n.employee_id is not null and not exists (select 1 from employee e where e.id = n.employee_id) limit 1;
    end if;
    if missing is null then
        select 'organisation unit ' || n.org_unit_id into missing from new_rows n
         where n.org_unit_id is not null and not exists (select 1 from org_unit u where u.id = n.org_unit_id) limit 1;
    end if;
    if missing is null then
        select 'study ' || n.study_id into missing from new_rows n
         where n.study_id is not null and not exists (select 1 from study s where s.id = n.study_id) limit 1;
    end if;
    if missing is null then
        select 'study site ' || n.site_id into missing from new_rows n
         where n.site_id is not null and not exists (select 1 from study_site s where s.id = n.site_id) limit 1;
    end if;
    if missing is null then
        select 'import batch ' || n.import_batch_id into missing from new_rows n
         where n.import_batch_id is not null and not exists (select 1 from kpi_import_batch b where b.id = n.import_batch_id) limit 1;
    end if;
    if missing is not null then
        raise exception 'kpi_observation refers to % that does not exist', missing using errcode = 'foreign_key_violation';
    end if;
    return null;
end
$$;
create trigger kpi_observation_references_insert after insert on kpi_observation
    referencing new table as new_rows for each statement execute function kpi_observation_references();
create trigger kpi_observation_references_update after update on kpi_observation
    referencing new table as new_rows for each statement execute function kpi_observation_references();

-- A row that observations refer to is not deleted; the argument names kpi_observation's column.
create function kpi_observation_referenced() returns trigger language plpgsql as $$
declare
    referenced boolean;
begin
    execute format('select exists (select 1 from old_rows o where exists (select 1 from kpi_observation k where k.%I = o.id))',
                   tg_argv[0]) into referenced;
    if referenced then
        raise exception '% rows with KPI observations cannot be deleted', tg_table_name using errcode = 'foreign_key_violation';
    end if;
    return null;
end
$$;
create trigger kpi_referenced after delete on kpi
    referencing old table as old_rows for each statement execute function kpi_observation_referenced('kpi_id');
create trigger employee_kpi_referenced after delete on employee
    referencing old table as old_rows for each statement execute function kpi_observation_referenced('employee_id');
create trigger org_unit_kpi_referenced after delete on org_unit
    referencing old table as old_rows for each statement execute function kpi_observation_referenced('org_unit_id');
create trigger study_kpi_referenced after delete on study
    referencing old table as old_rows for each statement execute function kpi_observation_referenced('study_id');
create trigger study_site_kpi_referenced after delete on study_site
    referencing old table as old_rows for each statement execute function kpi_observation_referenced('site_id');
create trigger kpi_import_batch_kpi_referenced after delete on kpi_import_batch
    referencing old table as old_rows for each statement execute function kpi_observation_referenced('import_batch_id');

-- The level of a KPI with observations does not change (the composite foreign key's other duty).
create function kpi_level_in_use() returns trigger language plpgsql as $$
begin
    if exists (select 1 from kpi_observation k where k.kpi_id = old.id) then
        raise exception 'KPI % has observations per %; its level cannot change', old.code, old.level
            using errcode = 'foreign_key_violation';
    end if;
    return new;
end
$$;
create trigger kpi_level_guard before update of level on kpi
    for each row when (old.level is distinct from new.level) execute function kpi_level_in_use();
