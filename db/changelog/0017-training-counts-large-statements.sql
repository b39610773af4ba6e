--liquibase formatted sql

--changeset clinlead:0017-training-counts-large-statements splitStatements:false
-- apply_training_counts() removed the zero rows with "org_unit_id = any(d_unit)", where d_unit has
-- one element per assignment the statement touched: deleting every training assignment (134,000
-- in the benchmark) compared each count row with 134,000 array elements, and each closure row
-- likewise, for more than ten minutes. The units are now made distinct first and joined.
create or replace function apply_training_counts(d_unit bigint[], d_course bigint[], d_kind text[], d_due date[], d_n integer[])
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
    delete from training_count t
     using (select distinct u from unnest(d_unit) as d(u)) d
     where t.org_unit_id = d.u and t.assignments = 0;
    delete from training_subtree_count t
     using (select distinct cl.ancestor_id from org_unit_closure cl
              join (select distinct u from unnest(d_unit) as d(u)) d on cl.descendant_id = d.u) a
     where t.ancestor_id = a.ancestor_id and t.assignments = 0;
end $$;
