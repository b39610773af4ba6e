--liquibase formatted sql

--changeset clinlead:0009-current-proficiency splitStatements:false
-- A person's current proficiency per competency (by framework and code), kept by a trigger from
-- the evidence so that dashboards over 20,000 people read one row per person and competency.
-- The rule (docs/insights.md, "Current proficiency"): of the trusted evidence -- a released 360's
-- all-others mean, a manager's validation, a verified assessment -- the one observed last; on the
-- same day an assessment before a manager's validation before a 360. Goals met on other evidence
-- are kept as evidence but do not set the level.
create table current_proficiency (
    employee_id     bigint not null references employee (id),
    framework_id    bigint not null references framework (id),
    competency_code text not null,
    level           numeric(4, 2) not null,
    source          text not null,
    observed_on     date not null,
    evidence_id     bigint not null references competency_evidence (id),
    primary key (employee_id, framework_id, competency_code)
);
create index current_proficiency_competency_idx on current_proficiency (framework_id, competency_code);
create index current_proficiency_evidence_id_idx on current_proficiency (evidence_id);

create function evidence_rank(source text) returns integer language sql immutable as $$
    select case source when 'assessment' then 3 when 'manager_validation' then 2 when '360' then 1 else 0 end
$$;

create function keep_current_proficiency() returns trigger language plpgsql as $$
begin
    insert into current_proficiency as c (employee_id, framework_id, competency_code, level, source, observed_on, evidence_id)
    select n.employee_id, n.framework_id, n.competency_code, n.level, n.source, n.observed_on, n.id
      from (select distinct on (employee_id, framework_id, competency_code) *
              from new_rows
             where evidence_rank(source) > 0
             order by employee_id, framework_id, competency_code, observed_on desc, evidence_rank(source) desc, id desc) n
    on conflict (employee_id, framework_id, competency_code) do update
        set level = excluded.level, source = excluded.source, observed_on = excluded.observed_on, evidence_id = excluded.evidence_id
      where (excluded.observed_on, evidence_rank(excluded.source), excluded.evidence_id)
            > (c.observed_on, evidence_rank(c.source), c.evidence_id);
    return null;
end
$$;
create trigger competency_evidence_current after insert on competency_evidence
    referencing new table as new_rows for each statement execute function keep_current_proficiency();

insert into current_proficiency (employee_id, framework_id, competency_code, level, source, observed_on, evidence_id)
select distinct on (employee_id, framework_id, competency_code)
       employee_id, framework_id, competency_code, level, source, observed_on, id
  from competency_evidence
 where evidence_rank(source) > 0
 order by employee_id, framework_id, competency_code, observed_on desc, evidence_rank(source) desc, id desc;

--changeset clinlead:0009-goal-evidence
-- The evidence a met goal left (a goal met with a level reached becomes evidence of that level).
alter table competency_evidence add column plan_goal_id bigint references plan_goal (id);
create index competency_evidence_plan_goal_id_idx on competency_evidence (plan_goal_id);
