--liquibase formatted sql

--changeset clinlead:0011-gap-counts splitStatements:false
-- Skills-gap counts kept for the dashboards (docs/insights.md, "How the figures are kept"), so
-- that the heat map, the director overview and the gap trend of a 20,000-person organisation add
-- up a few hundred rows instead of joining every person's role profile to their proficiency and
-- their 360 evidence on each request. Only people who are not terminated and only published
-- framework versions count. These are caches of the evidence: no foreign keys or checks (they are
-- recomputed, never edited), kept by the triggers below.

-- Per unit (its direct members), job role, country and required competency: how many people the
-- competency is required of, how many have a current proficiency, how many of those are below the
-- required level, and the sum over them of greatest(required - current, 0).
create table gap_cell (
    org_unit_id   bigint not null,
    job_role_id   bigint not null,
    country       text not null,
    framework_id  bigint not null,
    competency_id bigint not null,
    required_of   integer not null,
    assessed      integer not null,
    below         integer not null,
    gap_sum       numeric(12, 2) not null,
    primary key (org_unit_id, job_role_id, country, competency_id)
);

-- The same counts over each unit's whole subtree (ancestor_id is the unit).
create table gap_subtree (
    ancestor_id   bigint not null,
    job_role_id   bigint not null,
    country       text not null,
    framework_id  bigint not null,
    competency_id bigint not null,
    required_of   integer not null,
    assessed      integer not null,
    below         integer not null,
    gap_sum       numeric(12, 2) not null,
    primary key (ancestor_id, job_role_id, country, competency_id)
);

-- The gap trend: per unit (direct members, by their current role), country and released 360
-- (the evidence date and cycle), the 360 ratings in competencies the role requires, how many are
-- below the required level, the sum of the gaps and how many people they are.
create table gap_trend (
    org_unit_id  bigint not null,
    job_role_id  bigint not null,
    country      text not null,
    framework_id bigint not null,
    observed_on  date not null,
    cycle_id     bigint,
    ratings      integer not null,
    below        integer not null,
    gap_sum      numeric(12, 2) not null,
    people       integer not null
);
create index gap_trend_unit_idx on gap_trend (org_unit_id, framework_id);

-- Recounts the given units (all when null, or when so many that one pass over everything is
-- cheaper): their cells, the subtree counts of their ancestors (old counts out, new ones in), and
-- (unless with_trend is false: nothing a 360 rated changed) their trend rows. Refreshes are
-- serialised so that two transactions never recount at once.
create function refresh_gap_counts(units bigint[], with_trend boolean default true) returns void language plpgsql as $$
declare
    everything boolean := units is null or cardinality(units) > 200;
begin
    if units is not null and cardinality(units) = 0 then
        return;
    end if;
    perform pg_advisory_xact_lock(hashtext('gap_counts'));
    if everything then
        -- a change this large (a 360 released for thousands, a bulk import) has usually just
        -- rewritten what the recount reads: fresh statistics keep the planner from nested loops
        analyze current_proficiency;
        analyze competency_evidence;
        -- delete, not truncate: readers of the dashboards keep seeing the old counts until commit
        delete from gap_cell;
        delete from gap_subtree;
        if with_trend then
            delete from gap_trend;
        end if;
        units := null;
    else
        insert into gap_subtree as t (ancestor_id, job_role_id, country, framework_id, competency_id, required_of, assessed, below, gap_sum)
        select c.ancestor_id, g.job_role_id, g.country, g.framework_id, g.competency_id,
               -sum(g.required_of), -sum(g.assessed), -sum(g.below), -sum(g.gap_sum)
          from gap_cell g join org_unit_closure c on c.descendant_id = g.org_unit_id
         where g.org_unit_id = any (units)
         group by c.ancestor_id, g.job_role_id, g.country, g.framework_id, g.competency_id
        on conflict (ancestor_id, job_role_id, country, competency_id) do update
            set required_of = t.required_of + excluded.required_of, assessed = t.assessed + excluded.assessed,
                below = t.below + excluded.below, gap_sum = t.gap_sum + excluded.gap_sum;
        delete from gap_cell where org_unit_id = any (units);
        if with_trend then
            delete from gap_trend where org_unit_id = any (units);
        end if;
    end if;

    insert into gap_cell (org_unit_id, job_role_id, country, framework_id, competency_id, required_of, assessed, below, gap_sum)
    select e.org_unit_id, e.job_role_id, e.country, v.framework_id, c.id,
           count(*), count(p.level), count(*) filter (where p.level < r.required_level),
           coalesce(sum(greatest(r.required_level - p.level, 0)), 0)
      from employee e
      join role_requirement r on r.job_role_id = e.job_role_id
      join framework_version v on v.id = r.framework_version_id and v.status = 'published'
      join competency c on c.id = r.competency_id
      left join current_proficiency p
             on p.employee_id = e.id and p.framework_id = v.framework_id and p.competency_code = c.code
     where e.status <> 'terminated' and (units is null or e.org_unit_id = any (units))
     group by e.org_unit_id, e.job_role_id, e.country, v.framework_id, c.id;
    if units is null then
        analyze gap_cell;
    end if;

    insert into gap_subtree as t (ancestor_id, job_role_id, country, framework_id, competency_id, required_of, assessed, below, gap_sum)
    select c.ancestor_id, g.job_role_id, g.country, g.framework_id, g.competency_id,
           sum(g.required_of), sum(g.assessed), sum(g.below), sum(g.gap_sum)
      from gap_cell g join org_unit_closure c on c.descendant_id = g.org_unit_id
     where units is null or g.org_unit_id = any (units)
     group by c.ancestor_id, g.job_role_id, g.country, g.framework_id, g.competency_id
    on conflict (ancestor_id, job_role_id, country, competency_id) do update
        set required_of = t.required_of + excluded.required_of, assessed = t.assessed + excluded.assessed,
            below = t.below + excluded.below, gap_sum = t.gap_sum + excluded.gap_sum;
    if units is not null then
        delete from gap_subtree
         where required_of = 0 and ancestor_id in (select ancestor_id from org_unit_closure where descendant_id = any (units));
    end if;

    if not with_trend then
        return;
    end if;
    insert into gap_trend (org_unit_id, job_role_id, country, framework_id, observed_on, cycle_id, ratings, below, gap_sum, people)
    select e.org_unit_id, e.job_role_id, e.country, x.framework_id, x.observed_on, s.cycle_id,
           count(*), count(*) filter (where x.level < r.required_level), sum(greatest(r.required_level - x.level, 0)),
           count(distinct x.employee_id)
      from competency_evidence x
      join employee e on e.id = x.employee_id
      join role_requirement r on r.job_role_id = e.job_role_id
      join framework_version v on v.id = r.framework_version_id and v.status = 'published' and v.framework_id = x.framework_id
      join competency c on c.id = r.competency_id and c.code = x.competency_code
      left join cycle_subject s on s.id = x.cycle_subject_id
     where x.source = '360' and e.status <> 'terminated' and (units is null or e.org_unit_id = any (units))
     group by e.org_unit_id, e.job_role_id, e.country, x.framework_id, x.observed_on, s.cycle_id;
end
$$;
alter function refresh_gap_counts(bigint[], boolean) set work_mem = '64MB';

create function gap_counts_after_employee_insert() returns trigger language plpgsql as $$
begin
    perform refresh_gap_counts(array(select distinct org_unit_id from new_rows));
    return null;
end
$$;

create function gap_counts_after_employee_update() returns trigger language plpgsql as $$
begin
    perform refresh_gap_counts(array(
        select unnest(array[o.org_unit_id, n.org_unit_id]) from old_rows o join new_rows n on n.id = o.id
         where (o.org_unit_id, o.job_role_id, o.country, o.status) is distinct from (n.org_unit_id, n.job_role_id, n.country, n.status)
        group by 1));
    return null;
end
$$;

create function gap_counts_after_employee_delete() returns trigger language plpgsql as $$
begin
    perform refresh_gap_counts(array(select distinct org_unit_id from old_rows));
    return null;
end
$$;

-- After the evidence trigger that keeps current_proficiency (trigger names order them).
create function gap_counts_after_evidence() returns trigger language plpgsql as $$
begin
    perform refresh_gap_counts(array(select distinct e.org_unit_id from new_rows n join employee e on e.id = n.employee_id),
                               exists (select 1 from new_rows where source = '360'));
    return null;
end
$$;

-- Requirements change only in drafts, which do not count (publishing is a framework_version
-- update); a change that touches a published version recounts everything.
create function gap_counts_after_requirement_insert() returns trigger language plpgsql as $$
begin
    if exists (select 1 from new_rows n join framework_version v on v.id = n.framework_version_id where v.status = 'published') then
        perform refresh_gap_counts(null);
    end if;
    return null;
end
$$;

create function gap_counts_after_requirement_delete() returns trigger language plpgsql as $$
begin
    if exists (select 1 from old_rows o join framework_version v on v.id = o.framework_version_id where v.status = 'published') then
        perform refresh_gap_counts(null);
    end if;
    return null;
end
$$;

create function gap_counts_after_framework_version() returns trigger language plpgsql as $$
begin
    if exists (select 1 from old_rows o join new_rows n on n.id = o.id where o.status is distinct from n.status) then
        perform refresh_gap_counts(null);
    end if;
    return null;
end
$$;

-- A unit moved: the subtrees changed (runs after the trigger that rebuilds org_unit_closure).
create function gap_counts_after_unit_move() returns trigger language plpgsql as $$
begin
    if exists (select 1 from old_rows o join new_rows n on n.id = o.id where o.parent_id is distinct from n.parent_id) then
        perform refresh_gap_counts(null);
    end if;
    return null;
end
$$;

create trigger employee_gap_counts_insert after insert on employee
    referencing new table as new_rows for each statement execute function gap_counts_after_employee_insert();
create trigger employee_gap_counts_update after update on employee
    referencing old table as old_rows new table as new_rows for each statement execute function gap_counts_after_employee_update();
create trigger employee_gap_counts_delete after delete on employee
    referencing old table as old_rows for each statement execute function gap_counts_after_employee_delete();
create trigger competency_evidence_gap_counts after insert on competency_evidence
    referencing new table as new_rows for each statement execute function gap_counts_after_evidence();
create trigger role_requirement_gap_counts_insert after insert on role_requirement
    referencing new table as new_rows for each statement execute function gap_counts_after_requirement_insert();
create trigger role_requirement_gap_counts_update after update on role_requirement
    referencing new table as new_rows for each statement execute function gap_counts_after_requirement_insert();
create trigger role_requirement_gap_counts_delete after delete on role_requirement
    referencing old table as old_rows for each statement execute function gap_counts_after_requirement_delete();
create trigger framework_version_gap_counts after update on framework_version
    referencing old table as old_rows new table as new_rows for each statement execute function gap_counts_after_framework_version();
create trigger org_unit_gap_counts after update on org_unit
    referencing old table as old_rows new table as new_rows for each statement execute function gap_counts_after_unit_move();

select refresh_gap_counts(null);
