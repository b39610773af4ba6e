--liquibase formatted sql

--changeset clinlead:0018-overview-counts splitStatements:false
-- The director overview's last two live counts, kept like the training counts (0015, decision
-- 0010; docs/insights.md, "How the figures are kept"), so that the whole company's overview adds up
-- a few hundred rows instead of a year of rater assignments and a million KPI observations.
-- Caches of the records: no foreign keys or checks, never edited by hand.
--
-- Every trigger here reads each transition table once and never joins one transition table to
-- another (old rows to new rows): such a join, planned for the one-row statements that come first,
-- is the nested loop that stalled the audit of large updates (0016). An update counts its new rows
-- +1 and its old rows -1 in one aggregate, so rows whose counted values did not change net to zero
-- and write nothing.

-- 360 raters per unit (of the subject, where the subject is now) and cycle: those asked (every
-- status but nominated and removed) and those who submitted.
create table rater_count (
    org_unit_id bigint not null,
    cycle_id    bigint not null,
    raters      integer not null,
    submitted   integer not null,
    primary key (org_unit_id, cycle_id)
);

create function apply_rater_counts(d_unit bigint[], d_cycle bigint[], d_raters integer[], d_submitted integer[])
        returns void language plpgsql as $$
begin
    if d_unit is null or cardinality(d_unit) = 0 then
        return;
    end if;
    perform pg_advisory_xact_lock(hashtext('rater_counts'));
    insert into rater_count as t (org_unit_id, cycle_id, raters, submitted)
    select u, c, sum(r), sum(s) from unnest(d_unit, d_cycle, d_raters, d_submitted) as d(u, c, r, s)
     group by u, c having sum(r) <> 0 or sum(s) <> 0
    on conflict (org_unit_id, cycle_id) do update set raters = t.raters + excluded.raters, submitted = t.submitted + excluded.submitted;
    delete from rater_count t using (select distinct u, c from unnest(d_unit, d_cycle) as d(u, c)) x
     where t.org_unit_id = x.u and t.cycle_id = x.c and t.raters = 0 and t.submitted = 0;
end $$;

create function refresh_rater_counts() returns void language plpgsql as $$
begin
    perform pg_advisory_xact_lock(hashtext('rater_counts'));
    delete from rater_count;
    insert into rater_count (org_unit_id, cycle_id, raters, submitted)
    select e.org_unit_id, s.cycle_id, count(*), count(*) filter (where a.status = 'submitted')
      from rater_assignment a join cycle_subject s on s.id = a.cycle_subject_id join employee e on e.id = s.employee_id
     where a.status not in ('removed', 'nominated')
     group by 1, 2;
end $$;

create function rater_assignment_counts() returns trigger language plpgsql as $$
declare
    d record;
begin
    if tg_op = 'INSERT' then
        select array_agg(x.unit) as u, array_agg(x.cycle) as c, array_agg(x.raters) as r, array_agg(x.submitted) as s into d
          from (select e.org_unit_id as unit, cs.cycle_id as cycle, count(*)::integer as raters,
                       (count(*) filter (where a.status = 'submitted'))::integer as submitted
                  from new_rows a join cycle_subject cs on cs.id = a.cycle_subject_id join employee e on e.id = cs.employee_id
                 where a.status not in ('removed', 'nominated')
                 group by 1, 2) x;
    elsif tg_op = 'DELETE' then
        -- assignments deleted with their cycle subject (on delete cascade) find no subject here: the
        -- subject's own trigger took them out before it went
        select array_agg(x.unit) as u, array_agg(x.cycle) as c, array_agg(x.raters) as r, array_agg(x.submitted) as s into d
          from (select e.org_unit_id as unit, cs.cycle_id as cycle, -count(*)::integer as raters,
                       -(count(*) filter (where a.status = 'submitted'))::integer as submitted
                  from old_rows a join cycle_subject cs on cs.id = a.cycle_subject_id join employee e on e.id = cs.employee_id
                 where a.status not in ('removed', 'nominated')
                 group by 1, 2) x;
    else
        select array_agg(x.unit) as u, array_agg(x.cycle) as c, array_agg(x.raters) as r, array_agg(x.submitted) as s into d
          from (select e.org_unit_id as unit, cs.cycle_id as cycle, sum(a.n)::integer as raters,
                       coalesce(sum(a.n) filter (where a.status = 'submitted'), 0)::integer as submitted
                  from (select cycle_subject_id, status, 1 as n from new_rows where status not in ('removed', 'nominated')
                        union all
                        select cycle_subject_id, status, -1 from old_rows where status not in ('removed', 'nominated')) a
                  join cycle_subject cs on cs.id = a.cycle_subject_id join employee e on e.id = cs.employee_id
                 group by 1, 2
                having sum(a.n) <> 0 or coalesce(sum(a.n) filter (where a.status = 'submitted'), 0) <> 0) x;
    end if;
    perform apply_rater_counts(d.u, d.c, d.r, d.s);
    return null;
end $$;

create trigger rater_assignment_counts_insert after insert on rater_assignment
    referencing new table as new_rows for each statement execute function rater_assignment_counts();
create trigger rater_assignment_counts_update after update on rater_assignment
    referencing old table as old_rows new table as new_rows for each statement execute function rater_assignment_counts();
create trigger rater_assignment_counts_delete after delete on rater_assignment
    referencing old table as old_rows for each statement execute function rater_assignment_counts();

-- A cycle subject removed (or its cycle deleted) takes its counted raters out while they still exist.
create function cycle_subject_rater_counts() returns trigger language plpgsql as $$
declare
    d record;
begin
    select array_agg(e.org_unit_id) as u, array_agg(old.cycle_id) as c, array_agg(-x.raters) as r, array_agg(-x.submitted) as s into d
      from employee e,
           lateral (select count(*)::integer as raters, (count(*) filter (where a.status = 'submitted'))::integer as submitted
                      from rater_assignment a where a.cycle_subject_id = old.id and a.status not in ('removed', 'nominated')) x
     where e.id = old.employee_id and x.raters > 0;
    perform apply_rater_counts(d.u, d.c, d.r, d.s);
    return old;
end $$;

create trigger cycle_subject_rater_counts before delete on cycle_subject
    for each row execute function cycle_subject_rater_counts();

-- KPI observations per unit and month, and over the subtree of each unit that has sub-units, with
-- the sums every aggregation rolls up from (mean: value_sum / observations; sum: value_sum; rate:
-- numerator_sum / denominator_sum x the KPI's scale). An observation is counted at its subject's
-- unit: a person's unit now, the unit itself, a study's unit, a site's study's unit. A unit without
-- sub-units (most of them: the teams) is its own subtree, so its rows are not repeated: an import
-- of 500,000 observations for 2,000 teams then writes about 51,000 unit rows and 3,000 subtree
-- rows instead of 51,000 and 53,000.
create table kpi_month_count (
    org_unit_id     bigint not null,
    kpi_id          bigint not null,
    period          date not null,
    observations    integer not null,
    value_sum       numeric not null,
    numerator_sum   numeric not null,
    denominator_sum numeric not null,
    primary key (org_unit_id, kpi_id, period)
);

create table kpi_subtree_month_count (
    ancestor_id     bigint not null,
    kpi_id          bigint not null,
    period          date not null,
    observations    integer not null,
    value_sum       numeric not null,
    numerator_sum   numeric not null,
    denominator_sum numeric not null,
    primary key (ancestor_id, kpi_id, period)
);

create function apply_kpi_month_counts(d_unit bigint[], d_kpi bigint[], d_period date[], d_n integer[], d_value numeric[],
                                       d_numerator numeric[], d_denominator numeric[]) returns void language plpgsql as $$
begin
    if d_unit is null or cardinality(d_unit) = 0 then
        return;
    end if;
    perform pg_advisory_xact_lock(hashtext('kpi_month_counts'));
    insert into kpi_month_count as t (org_unit_id, kpi_id, period, observations, value_sum, numerator_sum, denominator_sum)
    select u, k, p, sum(n), sum(v), sum(nu), sum(de) from unnest(d_unit, d_kpi, d_period, d_n, d_value, d_numerator, d_denominator)
           as d(u, k, p, n, v, nu, de)
     group by u, k, p
    on conflict (org_unit_id, kpi_id, period) do update set observations = t.observations + excluded.observations,
        value_sum = t.value_sum + excluded.value_sum, numerator_sum = t.numerator_sum + excluded.numerator_sum,
        denominator_sum = t.denominator_sum + excluded.denominator_sum;
    insert into kpi_subtree_month_count as t (ancestor_id, kpi_id, period, observations, value_sum, numerator_sum, denominator_sum)
    select cl.ancestor_id, k, p, sum(n), sum(v), sum(nu), sum(de)
      from unnest(d_unit, d_kpi, d_period, d_n, d_value, d_numerator, d_denominator) as d(u, k, p, n, v, nu, de)
      join org_unit_closure cl on cl.descendant_id = d.u
     where cl.ancestor_id in (select parent_id from org_unit)
     group by cl.ancestor_id, k, p
    on conflict (ancestor_id, kpi_id, period) do update set observations = t.observations + excluded.observations,
        value_sum = t.value_sum + excluded.value_sum, numerator_sum = t.numerator_sum + excluded.numerator_sum,
        denominator_sum = t.denominator_sum + excluded.denominator_sum;
    -- only observations taken out can leave a month without any
    if exists (select from unnest(d_n) as n where n < 0) then
        delete from kpi_month_count t using (select distinct u from unnest(d_unit) as u) x
         where t.org_unit_id = x.u and t.observations = 0;
        delete from kpi_subtree_month_count t
         using (select distinct cl.ancestor_id from org_unit_closure cl join (select distinct u from unnest(d_unit) as u) x
                    on cl.descendant_id = x.u) a
         where t.ancestor_id = a.ancestor_id and t.observations = 0;
    end if;
end $$;

-- Rebuilds the counts from the observations (subtree_only: from the unit counts, after the tree changed).
create function refresh_kpi_month_counts(subtree_only boolean default false) returns void language plpgsql as $$
begin
    perform pg_advisory_xact_lock(hashtext('kpi_month_counts'));
    if not subtree_only then
        delete from kpi_month_count;
        insert into kpi_month_count (org_unit_id, kpi_id, period, observations, value_sum, numerator_sum, denominator_sum)
        select coalesce(e.org_unit_id, o.org_unit_id, s.org_unit_id, ss.org_unit_id), o.kpi_id, o.period, count(*), sum(o.value),
               coalesce(sum(o.numerator), 0), coalesce(sum(o.denominator), 0)
          from kpi_observation o
          left join employee e on e.id = o.employee_id
          left join study s on s.id = o.study_id
          left join study_site t on t.id = o.site_id left join study ss on ss.id = t.study_id
         group by 1, 2, 3;
    end if;
    delete from kpi_subtree_month_count;
    insert into kpi_subtree_month_count (ancestor_id, kpi_id, period, observations, value_sum, numerator_sum, denominator_sum)
    select cl.ancestor_id, c.kpi_id, c.period, sum(c.observations), sum(c.value_sum), sum(c.numerator_sum), sum(c.denominator_sum)
      from kpi_month_count c join org_unit_closure cl on cl.descendant_id = c.org_unit_id
     where cl.ancestor_id in (select parent_id from org_unit)
     group by 1, 2, 3;
end $$;

-- What a statement added counts +1 with its values, what it removed -1 with their negatives.
create function kpi_observation_month_counts() returns trigger language plpgsql as $$
declare
    d record;
begin
    if tg_op = 'INSERT' then
        select array_agg(x.unit) as u, array_agg(x.kpi_id) as k, array_agg(x.period) as p, array_agg(x.n) as n, array_agg(x.v) as v,
               array_agg(x.nu) as nu, array_agg(x.de) as de into d
          from (select coalesce(e.org_unit_id, r.org_unit_id, s.org_unit_id, ss.org_unit_id) as unit, r.kpi_id, r.period,
                       count(*)::integer as n, sum(r.value) as v, coalesce(sum(r.numerator), 0) as nu, coalesce(sum(r.denominator), 0) as de
                  from new_rows r
                  left join employee e on e.id = r.employee_id
                  left join study s on s.id = r.study_id
                  left join study_site t on t.id = r.site_id left join study ss on ss.id = t.study_id
                 group by 1, 2, 3) x;
    elsif tg_op = 'DELETE' then
        select array_agg(x.unit) as u, array_agg(x.kpi_id) as k, array_agg(x.period) as p, array_agg(x.n) as n, array_agg(x.v) as v,
               array_agg(x.nu) as nu, array_agg(x.de) as de into d
          from (select coalesce(e.org_unit_id, r.org_unit_id, s.org_unit_id, ss.org_unit_id) as unit, r.kpi_id, r.period,
                       -count(*)::integer as n, -sum(r.value) as v, -coalesce(sum(r.numerator), 0) as nu,
                       -coalesce(sum(r.denominator), 0) as de
                  from old_rows r
                  left join employee e on e.id = r.employee_id
                  left join study s on s.id = r.study_id
                  left join study_site t on t.id = r.site_id left join study ss on ss.id = t.study_id
                 group by 1, 2, 3) x;
    else
        select array_agg(x.unit) as u, array_agg(x.kpi_id) as k, array_agg(x.period) as p, array_agg(x.n) as n, array_agg(x.v) as v,
               array_agg(x.nu) as nu, array_agg(x.de) as de into d
          from (select coalesce(e.org_unit_id, r.org_unit_id, s.org_unit_id, ss.org_unit_id) as unit, r.kpi_id, r.period,
                       sum(r.n)::integer as n, sum(r.value) as v, sum(r.numerator) as nu, sum(r.denominator) as de
                  from (select kpi_id, period, employee_id, org_unit_id, study_id, site_id, 1 as n, value,
                               coalesce(numerator, 0) as numerator, coalesce(denominator, 0) as denominator from new_rows
                        union all
                        select kpi_id, period, employee_id, org_unit_id, study_id, site_id, -1, -value,
                               -coalesce(numerator, 0), -coalesce(denominator, 0) from old_rows) r
                  left join employee e on e.id = r.employee_id
                  left join study s on s.id = r.study_id
                  left join study_site t on t.id = r.site_id left join study ss on ss.id = t.study_id
                 group by 1, 2, 3
                having sum(r.n) <> 0 or sum(r.value) <> 0 or sum(r.numerator) <> 0 or sum(r.denominator) <> 0) x;
    end if;
    perform apply_kpi_month_counts(d.u, d.k, d.p, d.n, d.v, d.nu, d.de);
    return null;
end $$;

-- named to fire after kpi_observation_references_* (triggers fire in name order), so that an
-- observation of a missing subject is refused with that check's message
-- an import's 500,000 rows are aggregated in memory, not in 32 batches on disk
alter function kpi_observation_month_counts() set work_mem = '64MB';

create trigger kpi_observation_rollup_insert after insert on kpi_observation
    referencing new table as new_rows for each statement execute function kpi_observation_month_counts();
create trigger kpi_observation_rollup_update after update on kpi_observation
    referencing old table as old_rows new table as new_rows for each statement execute function kpi_observation_month_counts();
create trigger kpi_observation_rollup_delete after delete on kpi_observation
    referencing old table as old_rows for each statement execute function kpi_observation_month_counts();

-- A person who moves takes their raters (of every cycle) and their KPI observations from the old
-- unit to the new one. The moved people are found by counting each (person, unit) pair of the old
-- rows -1 and of the new rows +1: pairs that remain are the old and new units of the movers.
create function employee_overview_counts() returns trigger language plpgsql as $$
declare
    moved bigint[];
    unit bigint[];
    sign integer[];
    moved_raters record;
    moved_kpis record;
begin
    select array_agg(x.id), array_agg(x.unit), array_agg(x.n) into moved, unit, sign
      from (select id, org_unit_id as unit, sum(n)::integer as n
              from (select id, org_unit_id, 1 as n from new_rows union all select id, org_unit_id, -1 from old_rows) m
             group by 1, 2 having sum(n) <> 0) x;
    if moved is null then
        return null;
    end if;
    select array_agg(x.unit) as u, array_agg(x.cycle_id) as c, array_agg(x.raters) as r, array_agg(x.submitted) as s into moved_raters
      from (select m.unit, cs.cycle_id, sum(m.n)::integer as raters, coalesce(sum(m.n) filter (where a.status = 'submitted'), 0)::integer as submitted
              from unnest(moved, unit, sign) as m(id, unit, n)
              join cycle_subject cs on cs.employee_id = m.id
              join rater_assignment a on a.cycle_subject_id = cs.id and a.status not in ('removed', 'nominated')
             group by 1, 2) x;
    perform apply_rater_counts(moved_raters.u, moved_raters.c, moved_raters.r, moved_raters.s);
    select array_agg(x.unit) as u, array_agg(x.kpi_id) as k, array_agg(x.period) as p, array_agg(x.n) as n, array_agg(x.v) as v,
           array_agg(x.nu) as nu, array_agg(x.de) as de into moved_kpis
      from (select m.unit, o.kpi_id, o.period, sum(m.n)::integer as n, sum(m.n * o.value) as v,
                   coalesce(sum(m.n * o.numerator), 0) as nu, coalesce(sum(m.n * o.denominator), 0) as de
              from unnest(moved, unit, sign) as m(id, unit, n)
              join kpi_observation o on o.subject_id = m.id
                   and o.kpi_id = any(array(select id from kpi where level = 'person'))
             group by 1, 2, 3) x;
    perform apply_kpi_month_counts(moved_kpis.u, moved_kpis.k, moved_kpis.p, moved_kpis.n, moved_kpis.v, moved_kpis.nu, moved_kpis.de);
    return null;
end $$;

create trigger employee_overview_counts after update on employee
    referencing old table as old_rows new table as new_rows for each statement execute function employee_overview_counts();

-- A study that moves to another unit takes its own and its sites' observations with it.
create function study_kpi_month_counts() returns trigger language plpgsql as $$
declare
    moved bigint[];
    unit bigint[];
    sign integer[];
    k record;
begin
    select array_agg(x.id), array_agg(x.unit), array_agg(x.n) into moved, unit, sign
      from (select id, org_unit_id as unit, sum(n)::integer as n
              from (select id, org_unit_id, 1 as n from new_rows union all select id, org_unit_id, -1 from old_rows) m
             group by 1, 2 having sum(n) <> 0) x;
    if moved is null then
        return null;
    end if;
    select array_agg(x.unit) as u, array_agg(x.kpi_id) as k, array_agg(x.period) as p, array_agg(x.n) as n, array_agg(x.v) as v,
           array_agg(x.nu) as nu, array_agg(x.de) as de into k
      from (select m.unit, o.kpi_id, o.period, sum(m.n)::integer as n, sum(m.n * o.value) as v,
                   coalesce(sum(m.n * o.numerator), 0) as nu, coalesce(sum(m.n * o.denominator), 0) as de
              from unnest(moved, unit, sign) as m(id, unit, n)
              join (select id as subject, id as study, 'study' as level from study where id = any(moved)
                    union all select id, study_id, 'site' from study_site where study_id = any(moved)) subject on subject.study = m.id
              join kpi_observation o on o.subject_id = subject.subject and o.level = subject.level
                   and o.kpi_id = any(array(select id from kpi where level = subject.level))
             group by 1, 2, 3) x;
    perform apply_kpi_month_counts(k.u, k.k, k.p, k.n, k.v, k.nu, k.de);
    return null;
end $$;

create trigger study_kpi_month_counts after update on study
    referencing old table as old_rows new table as new_rows for each statement execute function study_kpi_month_counts();

-- The tree changed: closure rows removed take the descendant's KPI counts out of the ancestor,
-- rows added put them in (as closure_training_counts() does for training).
create function closure_kpi_month_counts() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock(hashtext('kpi_month_counts'));
    if tg_op = 'INSERT' then
        insert into kpi_subtree_month_count as t (ancestor_id, kpi_id, period, observations, value_sum, numerator_sum, denominator_sum)
        select r.ancestor_id, c.kpi_id, c.period, sum(c.observations), sum(c.value_sum), sum(c.numerator_sum), sum(c.denominator_sum)
          from new_rows r join kpi_month_count c on c.org_unit_id = r.descendant_id
         where r.ancestor_id in (select parent_id from org_unit)
         group by 1, 2, 3
        on conflict (ancestor_id, kpi_id, period) do update set observations = t.observations + excluded.observations,
            value_sum = t.value_sum + excluded.value_sum, numerator_sum = t.numerator_sum + excluded.numerator_sum,
            denominator_sum = t.denominator_sum + excluded.denominator_sum;
    elsif not exists (select from org_unit_closure) then
        -- the closure is rebuilt whole on every change of the tree (0001): start from nothing
        delete from kpi_subtree_month_count;
    else
        update kpi_subtree_month_count t set observations = t.observations - x.observations, value_sum = t.value_sum - x.value_sum,
               numerator_sum = t.numerator_sum - x.numerator_sum, denominator_sum = t.denominator_sum - x.denominator_sum
          from (select r.ancestor_id, c.kpi_id, c.period, sum(c.observations) as observations, sum(c.value_sum) as value_sum,
                       sum(c.numerator_sum) as numerator_sum, sum(c.denominator_sum) as denominator_sum
                  from old_rows r join kpi_month_count c on c.org_unit_id = r.descendant_id
                 where r.ancestor_id in (select parent_id from org_unit)
                 group by 1, 2, 3) x
         where t.ancestor_id = x.ancestor_id and t.kpi_id = x.kpi_id and t.period = x.period;
        delete from kpi_subtree_month_count where observations = 0;
    end if;
    return null;
end $$;

create trigger org_unit_closure_kpi_month_counts_insert after insert on org_unit_closure
    referencing new table as new_rows for each statement execute function closure_kpi_month_counts();
create trigger org_unit_closure_kpi_month_counts_delete after delete on org_unit_closure
    referencing old table as old_rows for each statement execute function closure_kpi_month_counts();

select refresh_rater_counts();
select refresh_kpi_month_counts();

--changeset clinlead:0018-overview-counts-statistics
analyze rater_count;
analyze kpi_month_count;
analyze kpi_subtree_month_count;
