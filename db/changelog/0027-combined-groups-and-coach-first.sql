--liquibase formatted sql

--changeset clinlead:0027-cycle-options
-- Two options of a 360 cycle for small clinical teams (docs/assessment-results.md):
--  * combine_small_groups: anonymous groups below their threshold are combined into one group,
--    "Others (combined)", when together they meet the strictest of their thresholds;
--  * release_to_coach_first: at release only the subject's coach reads the report; the coach
--    releases it to the subject after a debrief (and only then do the subject, the manager and HR
--    read it). Needs the cycle to share reports with the subject and the coach.
alter table review_cycle add column combine_small_groups boolean not null default false;
alter table review_cycle add column release_to_coach_first boolean not null default false;
alter table review_cycle add constraint review_cycle_coach_first_check
    check (not release_to_coach_first or (report_to_subject and report_to_coach));

-- When (and by whom) a coach-first report was released to its subject.
alter table cycle_subject add column released_to_subject_at timestamptz;
alter table cycle_subject add column released_to_subject_by_user_id bigint references app_user (id);
create index cycle_subject_released_to_subject_by_user_id_idx on cycle_subject (released_to_subject_by_user_id);

--changeset clinlead:0027-combined-results
-- The combined group in the results: one result_group row ('combined', with the groups it
-- combines and its thresholds) instead of rows for its members, one column pair in result_score,
-- and comments labelled 'combined'. The members keep no figures of their own.
alter table result_group drop constraint result_group_rater_group_check;
alter table result_group add constraint result_group_rater_group_check
    check (rater_group in ('self', 'manager', 'peer', 'direct_report', 'external', 'combined'));
alter table result_group add column numbers_threshold integer;
alter table result_group add column combines text[];
alter table result_group add constraint result_group_combines_check
    check ((rater_group = 'combined') = (combines is not null)
           and (combines is null or (cardinality(combines) >= 2 and combines <@ array['peer', 'direct_report', 'external'])));
alter table result_comment drop constraint result_comment_rater_group_check;
alter table result_comment add constraint result_comment_rater_group_check
    check (rater_group in ('self', 'manager', 'peer', 'direct_report', 'external', 'combined'));
alter table result_score add column combined_scores integer not null default 0;
alter table result_score add column combined_mean numeric(4, 2);
