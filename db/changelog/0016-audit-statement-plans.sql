--liquibase formatted sql

--changeset clinlead:0016-audit-statement-no-nested-loop
-- audit_statement() pairs the old and new rows of an UPDATE by id: a join of two transition
-- tables, which have no statistics. Planned for one-row (or empty) transition tables it is a
-- nested loop; a 50,000-row KPI correction then ran that plan, comparing 50,000 x 50,000 pairs
-- (whole rows formed for every pair) for over 15 minutes (found with a backtrace of the busy
-- backend: plpgsql_exec_trigger -> ExecNestLoop -> ExecEvalWholeRowVar). Without nested loops the
-- join is a hash or merge join whatever the estimate: linear for a large update, no slower for one
-- row. The training tables' audit uses the same function and had the same risk.
alter function audit_statement() set enable_nestloop = off;
