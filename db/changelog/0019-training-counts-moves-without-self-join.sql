--liquibase formatted sql

--changeset clinlead:0019-training-counts-moves-without-self-join splitStatements:false
-- employee_training_counts() (0015) found the people who moved, left or came back by joining the
-- statement's old rows to its new rows by id: a join of two transition tables, which have no
-- statistics, the plan that stalled the audit of large updates (0016). It now counts each (person,
-- unit) pair of the old rows -1 and of the new rows +1, people who are terminated not at all, as
-- the overview counts do (0018): the pairs that remain are exactly the old and new units whose
-- assignments move. Each transition table is read once, and the assignments are looked up by
-- person through their index, whatever the size of the statement.
create or replace function employee_training_counts() returns trigger language plpgsql as $$
declare
    d record;
begin
    select array_agg(x.unit) as u, array_agg(a.course_id) as c, array_agg(training_count_kind(a.status, a.reason)) as k,
           array_agg(case when a.status in ('completed', 'waived') then 'infinity'::date else a.due_on end) as due,
           array_agg(x.n) as n into d
      from (select id, unit, sum(n)::integer as n
              from (select id, org_unit_id as unit, 1 as n from new_rows where status <> 'terminated'
                    union all
                    select id, org_unit_id, -1 from old_rows where status <> 'terminated') m
             group by 1, 2 having sum(n) <> 0) x
      join training_assignment a on a.employee_id = x.id and a.current and a.status <> 'cancelled';
    perform apply_training_counts(d.u, d.c, d.k, d.due, d.n);
    return null;
end $$;
