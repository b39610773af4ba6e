--liquibase formatted sql

--changeset clinlead:0015-insights-counts splitStatements:false
-- Training compliance counts kept for the dashboards (docs/insights.md, "How the figures are
-- kept"; decision 0010), so that the compliance matrix by unit and the director overview of a
-- 20,000-person organisation add up a few thousand rows instead of counting every current
-- training assignment on each request. Compliance depends on today's date only through due_on,
-- so the counts are kept by due date, and "compliant / overdue as of today" is a sum over them:
--   kind 'done'    (completed, waived): compliant, never overdue; due_on is 'infinity';
--   kind 'renewal' (open, for an expiry or a new version): compliant while due_on >= today,
--                  overdue after;
--   kind 'open'    (open, any other reason): not compliant; overdue when due_on < today.
-- Counted: current, not cancelled assignments of people who are not terminated, by the unit the
-- person is in now. Caches of the records: no foreign keys or checks, never edited by hand.

create table training_count (
    org_unit_id bigint not null,
    course_id   bigint not null,
    kind        text not null,
    due_on      date not null,
    assignments integer not null,
    primary key (org_unit_id, course_id, kind, due_on)
);

-- the same over each unit's whole subtree (ancestor_id is the unit, itself included)
create table training_subtree_count (
    ancestor_id bigint not null,
    course_id   bigint not null,
    kind        text not null,
    due_on      date not null,
    assignments integer not null,
    primary key (ancestor_id, course_id, kind, due_on)
);

create function training_count_kind(status text, reason text) returns text language sql immutable as $$
    select case when status in ('completed', 'waived') then 'done'
                when reason in ('expiry', 'new_version') then 'renewal'
                else 'open' end
$$;

-- Adds signed counts (one element per assignment counted or uncounted) to the unit and subtree
-- counts; rows that reach zero are removed. Serialised, so concurrent changes never deadlock.
create function apply_training_counts(d_unit bigint[], d_course bigint[], d_kind text[], d_due date[], d_n integer[])
        returns void language plpgsql as $$
begin
    if d_unit is null or cardinality(d_unit) = 0 then
        return;
    end if;
    perform pg_advisory_xact_lock(hashtext('training_counts'));
    insert into training_count as t (org_unit_id, course_id, kind, due_on, assignments)
    select u, c, k, due, sum(n) from unnest(d_unit, d_course, d_kind, d_due, d_n) as d(u, c, k, due, n)
     group by u, c, k, due having sum(n) <> 0
    on conflict (org_unit_id, course_id, kind, due_on) do update set assignments = t.assignments + excluded.assignments;
    insert into training_subtree_count as t (ancestor_id, course_id, kind, due_on, assignments)
    select cl.ancestor_id, c, k, due, sum(n) from unnest(d_unit, d_course, d_kind, d_due, d_n) as d(u, c, k, due, n)
      join org_unit_closure cl on cl.descendant_id = d.u
     group by cl.ancestor_id, c, k, due having sum(n) <> 0
    on conflict (ancestor_id, course_id, kind, due_on) do update set assignments = t.assignments + excluded.assignments;
    delete from training_count where assignments = 0 and org_unit_id = any(d_unit);
    delete from training_subtree_count where assignments = 0
       and ancestor_id in (select cl.ancestor_id from org_unit_closure cl where cl.descendant_id = any(d_unit));
end $$;

-- Rebuilds the counts from the records (subtree_only: from the unit counts, after the tree changed).
create function refresh_training_counts(subtree_only boolean default false) returns void language plpgsql as $$
begin
    perform pg_advisory_xact_lock(hashtext('training_counts'));
    if not subtree_only then
        delete from training_count;
        insert into training_count (org_unit_id, course_id, kind, due_on, assignments)
        select e.org_unit_id, a.course_id, training_count_kind(a.status, a.reason),
               case when a.status in ('completed', 'waived') then 'infinity'::date else a.due_on end, count(*)
          from training_assignment a join employee e on e.id = a.employee_id
         where a.current and a.status <> 'cancelled' and e.status <> 'terminated'
         group by 1, 2, 3, 4;
    end if;
    delete from training_subtree_count;
    insert into training_subtree_count (ancestor_id, course_id, kind, due_on, assignments)
    select cl.ancestor_id, t.course_id, t.kind, t.due_on, sum(t.assignments)
      from training_count t join org_unit_closure cl on cl.descendant_id = t.org_unit_id
     group by 1, 2, 3, 4;
end $$;

-- Statement-level triggers with transition tables: what a statement added counts +1, what it
-- removed -1, at the unit of the person; an update that changes nothing counted nets to zero.
create function training_assignment_counts() returns trigger language plpgsql as $$
declare
    added record;
    removed record;
begin
    if tg_op <> 'DELETE' then
        select array_agg(e.org_unit_id) as u, array_agg(r.course_id) as c, array_agg(training_count_kind(r.status, r.reason)) as k,
               array_agg(case when r.status in ('completed', 'waived') then 'infinity'::date else r.due_on end) as due,
               array_agg(1) as n into added
          from new_rows r join employee e on e.id = r.employee_id
         where r.current and r.status <> 'cancelled' and e.status <> 'terminated';
        perform apply_training_counts(added.u, added.c, added.k, added.due, added.n);
    end if;
    if tg_op <> 'INSERT' then
        select array_agg(e.org_unit_id) as u, array_agg(r.course_id) as c, array_agg(training_count_kind(r.status, r.reason)) as k,
               array_agg(case when r.status in ('completed', 'waived') then 'infinity'::date else r.due_on end) as due,
               array_agg(-1) as n into removed
          from old_rows r join employee e on e.id = r.employee_id
         where r.current and r.status <> 'cancelled' and e.status <> 'terminated';
        perform apply_training_counts(removed.u, removed.c, removed.k, removed.due, removed.n);
    end if;
    return null;
end $$;

create trigger training_assignment_counts_insert after insert on training_assignment
    referencing new table as new_rows for each statement execute function training_assignment_counts();
create trigger training_assignment_counts_update after update on training_assignment
    referencing old table as old_rows new table as new_rows for each statement execute function training_assignment_counts();
create trigger training_assignment_counts_delete after delete on training_assignment
    referencing old table as old_rows for each statement execute function training_assignment_counts();

-- A person who moves takes their assignments from the old unit to the new one; a person who
-- leaves (terminated) takes them out, one who returns puts them back.
create function employee_training_counts() returns trigger language plpgsql as $$
declare
    d record;
begin
    select array_agg(x.unit) as u, array_agg(a.course_id) as c, array_agg(training_count_kind(a.status, a.reason)) as k,
           array_agg(case when a.status in ('completed', 'waived') then 'infinity'::date else a.due_on end) as due,
           array_agg(x.n) as n into d
      from (select o.id, o.org_unit_id as unit, -1 as n from old_rows o join new_rows n on n.id = o.id
             where o.status <> 'terminated'
               and (o.org_unit_id is distinct from n.org_unit_id or n.status = 'terminated')
            union all
            select n.id, n.org_unit_id, 1 from old_rows o join new_rows n on n.id = o.id
             where n.status <> 'terminated'
               and (o.org_unit_id is distinct from n.org_unit_id or o.status = 'terminated')) x
      join training_assignment a on a.employee_id = x.id and a.current and a.status <> 'cancelled';
    perform apply_training_counts(d.u, d.c, d.k, d.due, d.n);
    return null;
end $$;

create trigger employee_training_counts after update on employee
    referencing old table as old_rows new table as new_rows for each statement execute function employee_training_counts();

-- The tree changed (a unit added, moved or removed): closure rows removed take the descendant's
-- counts out of the ancestor, rows added put them in.
create function closure_training_counts() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock(hashtext('training_counts'));
    if tg_op = 'INSERT' then
        insert into training_subtree_count as t (ancestor_id, course_id, kind, due_on, assignments)
        select r.ancestor_id, c.course_id, c.kind, c.due_on, sum(c.assignments)
          from new_rows r join training_count c on c.org_unit_id = r.descendant_id
         group by 1, 2, 3, 4
        on conflict (ancestor_id, course_id, kind, due_on) do update set assignments = t.assignments + excluded.assignments;
    elsif not exists (select from org_unit_closure) then
        -- the closure is rebuilt whole on every change of the tree (0001): start from nothing
        delete from training_subtree_count;
    else
        update training_subtree_count t set assignments = t.assignments - x.assignments
          from (select r.ancestor_id, c.course_id, c.kind, c.due_on, sum(c.assignments) as assignments
                  from old_rows r join training_count c on c.org_unit_id = r.descendant_id
                 group by 1, 2, 3, 4) x
         where t.ancestor_id = x.ancestor_id and t.course_id = x.course_id and t.kind = x.kind and t.due_on = x.due_on;
        delete from training_subtree_count where assignments = 0;
    end if;
    return null;
end $$;

create trigger org_unit_closure_training_counts_insert after insert on org_unit_closure
    referencing new table as new_rows for each statement execute function closure_training_counts();
create trigger org_unit_closure_training_counts_delete after delete on org_unit_closure
    referencing old table as old_rows for each statement execute function closure_training_counts();

select refresh_training_counts();

--changeset clinlead:0015-insights-counts-statistics
-- fresh statistics for the counts just filled, so that the first dashboards after the upgrade are
-- planned for their real size (index scans of one subtree, not a scan of every count)
analyze training_count;
analyze training_subtree_count;
