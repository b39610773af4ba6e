package org.clinlead.bench;

import static org.clinlead.db.Tables.EMPLOYEE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clinlead.training.AssignmentService;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Builds a believable sponsor of about {@code people} people beside the demo organisation (which
 * supplies the company, the job roles, the frameworks and the course catalogue): four divisions,
 * each with four regions of four countries, teams of ten under a lead, and five years of history
 * — five released 360 cycles with their raters and results, manager validations, training records
 * for every required course, coaching relationships with their sessions, development plans,
 * critical positions with successors, and two talent-review rounds (docs/performance.md,
 * "The synthetic organisation").
 *
 * <p>Everything random comes from one seed through a hash of the seed and the row's identity, so
 * the same seed builds the same organisation whatever order PostgreSQL scans rows in. History is
 * loaded in bulk with SQL; the per-row audit triggers of the history tables are switched off for
 * the load (the audit trail is for what people do, not for a generator), the statement triggers
 * that keep current proficiency and the skills-gap counts stay on.
 */
final class SyntheticOrganisation {

    /** Divisions: code, name, share of the teams, the lead's role, the members' roles (weighted by repetition). */
    private record Division(String code, String name, int percent, String leadRole, List<String> memberRoles) {
    }

    private static final List<Division> DIVISIONS = List.of(
            new Division("CO", "Clinical Operations", 50, "COM", List.of("CRA", "CRA", "CRA", "CRA", "SCRA", "SCRA", "CTA", "CTA", "CTM")),
            new Division("SM", "Site Management", 20, "SCRA", List.of("CRC", "CRC", "CRC", "CRA", "CTA")),
            new Division("DM", "Data Management", 20, "DML", List.of("CDM", "CDM", "CDM", "CTA")),
            new Division("QA", "Quality Assurance", 10, "QAM", List.of("QAA", "QAA", "QAA", "CTA")));

    /** Regions and their countries (ISO codes and names). */
    private static final List<List<String>> REGIONS = List.of(
            List.of("EU", "Europe", "DE:Germany", "FR:France", "GB:United Kingdom", "ES:Spain"),
            List.of("NA", "North America", "US:United States", "CA:Canada", "MX:Mexico", "PR:Puerto Rico"),
            List.of("AP", "Asia-Pacific", "JP:Japan", "AU:Australia", "KR:South Korea", "SG:Singapore"),
            List.of("LA", "Latin America", "BR:Brazil", "AR:Argentina", "CL:Chile", "CO:Colombia"));

    /** The per-row audit triggers switched off while the history is loaded (table:trigger). */
    private static final List<String> AUDIT_TRIGGERS = List.of("org_unit:org_unit_audit", "employee:employee_audit",
            "app_user:app_user_audit", "app_user_role:app_user_role_audit", "review_cycle:review_cycle_audit",
            "cycle_rater_group:cycle_rater_group_audit", "cycle_subject:cycle_subject_audit", "rater_assignment:rater_assignment_audit",
            "competency_evidence:competency_evidence_audit", "training_completion:training_completion_audit_insert",
            "training_assignment:training_assignment_audit_insert", "training_assignment:training_assignment_audit_update",
            "coaching_relationship:coaching_relationship_audit", "coaching_session:coaching_session_audit",
            "session_participant:session_participant_audit", "development_plan:development_plan_audit", "plan_goal:plan_goal_audit",
            "critical_position:critical_position_audit", "successor:successor_audit", "talent_rating:talent_rating_audit",
            "study:study_audit", "study_site:study_site_audit", "programme:programme_audit",
            "programme_participant:programme_participant_audit", "programme_course:programme_course_audit",
            "programme_competency:programme_competency_audit", "programme_kpi:programme_kpi_audit");
    /** Months of KPI history. */
    private static final int KPI_MONTHS = 40;

    private static final int TEAM_SIZE = 10;
    private static final int CYCLES = 5;

    private final DSLContext dsl;
    private final AssignmentService assignments;
    private final long seed;
    private final int people;
    private final LocalDate today = LocalDate.now();

    SyntheticOrganisation(DSLContext dsl, AssignmentService assignments, long seed, int people) {
        this.dsl = dsl;
        this.assignments = assignments;
        this.seed = seed;
        this.people = people;
    }

    /** What was built, for the printout. */
    record Summary(int people, int units, int cycles, int evidence, int completions, int sessions, int plans, int positions,
                   int ratings, int studies, int sites, int observations, int participants) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d people in %,d units; %d released 360 cycles (%,d evidence values); %,d training records; "
                    + "%,d coaching sessions; %,d development plans; %,d critical positions; %,d talent ratings; %,d studies with %,d sites; "
                    + "%,d KPI observations; a coaching programme with %,d participants",
                    people, units, cycles, evidence, completions, sessions, plans, positions, ratings, studies, sites, observations,
                    participants);
        }
    }

    /** Builds the organisation; call inside one transaction, as the system. */
    Summary build() {
        // r('key') is a number in [0, 1) fixed by the seed and the key
        dsl.execute("create or replace function pg_temp.r(key text) returns double precision language sql immutable as "
                + "$$ select (hashtext('" + seed + ":' || key) & 2147483647)::double precision / 2147483648 $$");
        dsl.execute("set local max_parallel_workers_per_gather = 0");
        int teams = Math.max(DIVISIONS.size(), (people - dsl.fetchCount(EMPLOYEE) + TEAM_SIZE - 1) / TEAM_SIZE);
        for (String trigger : AUDIT_TRIGGERS) {
            String[] t = trigger.split(":");
            dsl.execute("alter table " + t[0] + " disable trigger " + t[1]);
        }
        step("units", () -> units(teams));
        step("people", this::employees);
        step("360 cycles and evidence", this::assessments);
        step("training records and assignments", this::training);
        step("coaching and plans", this::coaching);
        step("succession and talent review", this::succession);
        step("studies, sites, a coaching programme and KPI history", this::kpis);
        for (String trigger : AUDIT_TRIGGERS) {
            String[] t = trigger.split(":");
            dsl.execute("alter table " + t[0] + " enable trigger " + t[1]);
        }
        dsl.execute("analyze");
        return new Summary(dsl.fetchCount(EMPLOYEE), dsl.fetchCount(org.clinlead.db.Tables.ORG_UNIT),
                dsl.fetchCount(org.clinlead.db.Tables.REVIEW_CYCLE, org.clinlead.db.Tables.REVIEW_CYCLE.NAME.like("Annual 360%")),
                dsl.fetchCount(org.clinlead.db.Tables.COMPETENCY_EVIDENCE), dsl.fetchCount(org.clinlead.db.Tables.TRAINING_COMPLETION),
                dsl.fetchCount(org.clinlead.db.Tables.COACHING_SESSION), dsl.fetchCount(org.clinlead.db.Tables.DEVELOPMENT_PLAN),
                dsl.fetchCount(org.clinlead.db.Tables.CRITICAL_POSITION), dsl.fetchCount(org.clinlead.db.Tables.TALENT_RATING),
                dsl.fetchCount(org.clinlead.db.Tables.STUDY, org.clinlead.db.Tables.STUDY.CODE.like("SY-%")),
                dsl.fetchCount(org.clinlead.db.Tables.STUDY_SITE, org.clinlead.db.Tables.STUDY_SITE.SITE_CODE.like("SY%")),
                dsl.fetchCount(org.clinlead.db.Tables.KPI_OBSERVATION, org.clinlead.db.Tables.KPI_OBSERVATION.SOURCE.eq("Synthetic")),
                dsl.fetchCount(org.clinlead.db.Tables.PROGRAMME_PARTICIPANT));
    }

    private void step(String name, Runnable work) {
        long started = System.nanoTime();
        work.run();
        System.out.printf(Locale.ROOT, "  · synthetic organisation: %s in %.1f s%n", name, (System.nanoTime() - started) / 1e9);
    }

    /** Divisions, regions, countries and teams under the company; the team of each future person. */
    private void units(int teams) {
        StringBuilder divisions = new StringBuilder();
        StringBuilder regions = new StringBuilder();
        StringBuilder countries = new StringBuilder();
        StringBuilder teamCounts = new StringBuilder();
        int assigned = 0;
        for (int d = 0; d < DIVISIONS.size(); d++) {
            Division division = DIVISIONS.get(d);
            divisions.append(d == 0 ? "" : ",").append(String.format("('%s', '%s')", division.code(), division.name()));
            int divisionTeams = d == DIVISIONS.size() - 1 ? teams - assigned : teams * division.percent() / 100;
            assigned += divisionTeams;
            int countryCount = REGIONS.size() * 4;
            for (int r = 0; r < REGIONS.size(); r++) {
                List<String> region = REGIONS.get(r);
                regions.append(regions.isEmpty() ? "" : ",").append(String.format("('%s', '%s', '%s')", division.code(), region.get(0), region.get(1)));
                for (int c = 0; c < 4; c++) {
                    String[] country = region.get(2 + c).split(":");
                    int index = r * 4 + c;
                    int n = divisionTeams / countryCount + (index < divisionTeams % countryCount ? 1 : 0);
                    countries.append(countries.isEmpty() ? "" : ",").append(String.format("('%s', '%s', '%s', '%s', %d)",
                            division.code(), region.get(0), country[0], country[1], n));
                }
            }
        }
        long company = dsl.select(org.clinlead.db.Tables.ORG_UNIT.ID).from(org.clinlead.db.Tables.ORG_UNIT)
                .where(org.clinlead.db.Tables.ORG_UNIT.PARENT_ID.isNull()).orderBy(org.clinlead.db.Tables.ORG_UNIT.ID).limit(1)
                .fetchSingle().value1();
        dsl.execute("insert into org_unit (code, name, kind, parent_id) select 'SY-' || code, name || ' (global)', 'division', " + company
                + " from (values " + divisions + ") d (code, name)");
        dsl.execute("insert into org_unit (code, name, kind, parent_id) select 'SY-' || x.d || '-' || x.r, dn.n || ' ' || x.rn, 'region', p.id"
                + " from (values " + regions + ") x (d, r, rn) join org_unit p on p.code = 'SY-' || x.d"
                + " join (values " + divisions + ") dn (code, n) on dn.code = x.d");
        dsl.execute("create temporary table syn_country (division text, region text, country text, name text, teams int) on commit drop");
        dsl.execute("insert into syn_country values " + countries);
        dsl.execute("""
                insert into org_unit (code, name, kind, parent_id)
                select 'SY-' || c.division || '-' || c.country, dn.name || ' ' || c.name, 'country', p.id
                  from syn_country c join org_unit p on p.code = 'SY-' || c.division || '-' || c.region
                  join (values %s) dn (code, name) on dn.code = c.division""".formatted(divisions));
        dsl.execute("""
                insert into org_unit (code, name, kind, parent_id)
                select 'SY-' || c.division || '-' || c.country || '-T' || lpad(t::text, 3, '0'),
                       c.name || ' ' || c.division || ' team ' || t, 'team', p.id
                  from syn_country c cross join generate_series(1, c.teams) t
                  join org_unit p on p.code = 'SY-' || c.division || '-' || c.country""");
        dsl.execute("""
                create temporary table syn_team on commit drop as
                select row_number() over (order by u.code) - 1 as team_no, u.id as unit_id, u.code, c.division, c.country
                  from org_unit u join syn_country c on u.code like 'SY-' || c.division || '-' || c.country || '-T%'""");
    }

    /** Teams of ten: a lead and nine members, names, hire dates, roles by division, some leavers. */
    private void employees() {
        StringBuilder roles = new StringBuilder();
        for (Division d : DIVISIONS) {
            roles.append(roles.isEmpty() ? "" : ",").append(String.format("('%s', 0, '%s')", d.code(), d.leadRole()));
            for (int i = 0; i < d.memberRoles().size(); i++) {
                roles.append(String.format(",('%s', %d, '%s')", d.code(), i + 1, d.memberRoles().get(i)));
            }
        }
        dsl.execute("create temporary table syn_role (division text, slot int, role text) on commit drop");
        dsl.execute("insert into syn_role values " + roles);
        String first = "array['Anna','Ben','Chiara','David','Elena','Felix','Grace','Hiro','Ines','Jonas','Kim','Lena','Marco','Nadia',"
                + "'Omar','Priya','Quentin','Rosa','Sven','Tara','Umar','Vera','Wei','Ximena','Yusuf','Zoe','Lucas','Mia','Noah','Sara']";
        String last = "array['Schmidt','Martin','Smith','Garcia','Rossi','Tanaka','Kim','Silva','Novak','Müller','Dubois','Jones','Lopez',"
                + "'Bianchi','Sato','Park','Costa','Kowalski','Fischer','Bernard','Brown','Fernandez','Ricci','Suzuki','Lee','Santos',"
                + "'Horvat','Weber','Moreau','Wilson']";
        dsl.execute("""
                insert into employee (employee_number, first_name, last_name, email, job_role_id, org_unit_id, hire_date, role_since,
                                      country, status)
                select number, (%s)[1 + floor(pg_temp.r(number || 'f') * 30)::int], (%s)[1 + floor(pg_temp.r(number || 'l') * 30)::int],
                       lower(number) || '@synthetic.helix.example', role.id, t.unit_id, hired,
                       hired + floor(pg_temp.r(number || 'rs') * (current_date - hired))::int, t.country,
                       case when pg_temp.r(number || 's') < 0.03 and k > 0 then 'terminated'
                            when pg_temp.r(number || 's') < 0.05 then 'leave' else 'active' end
                  from syn_team t cross join generate_series(0, %d) k
                  cross join lateral (select 'S' || lpad((t.team_no * %d + k + 1)::text, 5, '0') as number) n
                  cross join lateral (select current_date - 30 - floor(pg_temp.r(n.number || 'h') * (case when k = 0 then 4000 else 3650 end))::int
                                      as hired) h
                  join syn_role sr on sr.division = t.division
                   and sr.slot = case when k = 0 then 0 else 1 + floor(pg_temp.r(n.number || 'role')
                                 * (select count(*) - 1 from syn_role x where x.division = t.division))::int end
                  join job_role role on role.code = sr.role""".formatted(first, last, TEAM_SIZE - 1, TEAM_SIZE));
        dsl.execute("analyze employee");
        // members report to their team's lead
        dsl.execute("""
                update employee e set manager_id = lead.id
                  from employee lead
                 where e.employee_number like 'S%' and lead.employee_number like 'S%'
                   and lead.org_unit_id = e.org_unit_id and lead.id <> e.id
                   and ((substr(lead.employee_number, 2)::int - 1) % {0}) = 0
                   and (substr(lead.employee_number, 2)::int - 1) / {0} = (substr(e.employee_number, 2)::int - 1) / {0}""",
                DSL.inline(TEAM_SIZE));
    }

    /**
     * Five yearly 360s in the core framework (rating window ending in mid October), each rating
     * about 60 % of the people then employed: self, manager and four peers invited, most
     * submitted; results per required competency growing over the years (faster with coaching,
     * which is added later in time order but seeded the same way) and released as evidence.
     * Some people also have a manager's validation or a verified assessment.
     */
    private void assessments() {
        long version = dsl.fetchSingle("""
                select v.id from framework_version v join framework f on f.id = v.framework_id
                 where v.status = 'published' order by (select count(*) from role_requirement r where r.framework_version_id = v.id) desc
                 limit 1""").get(0, Long.class);
        List<LocalDate> ends = new ArrayList<>();
        LocalDate end = LocalDate.of(today.getYear(), 10, 15);
        if (!end.isBefore(today.minusDays(14))) {
            end = end.minusYears(1);
        }
        for (int i = CYCLES - 1; i >= 0; i--) {
            ends.add(end.minusYears(i));
        }
        for (int i = 0; i < ends.size(); i++) {
            LocalDate ratingEnds = ends.get(i);
            long cycle = dsl.fetchSingle("""
                    insert into review_cycle (name, purpose, framework_version_id, status, nomination_starts_on, nomination_ends_on,
                                              rating_starts_on, rating_ends_on, significance_threshold)
                    values ({0}, 'development', {1}, 'rating', {2}, {3}, {4}, {5}, 1.0) returning id""",
                    DSL.val("Annual 360 " + ratingEnds.getYear()), DSL.val(version), DSL.val(ratingEnds.minusDays(42)),
                    DSL.val(ratingEnds.minusDays(29)), DSL.val(ratingEnds.minusDays(28)), DSL.val(ratingEnds)).get(0, Long.class);
            var closed = DSL.val(ratingEnds.plusDays(7).atStartOfDay().atOffset(java.time.ZoneOffset.UTC));
            dsl.execute("""
                    insert into cycle_rater_group (cycle_id, rater_group, min_raters, max_raters, numbers_threshold, comments_threshold)
                    values ({0}, 'self', 1, 1, 1, 1), ({0}, 'manager', 1, 1, 1, 1), ({0}, 'peer', 3, 8, 3, 3),
                           ({0}, 'direct_report', 3, 10, 3, 3), ({0}, 'external', 0, 5, 3, 3)""", DSL.val(cycle));
            dsl.execute("""
                    insert into cycle_subject (cycle_id, employee_id, job_role_id, manager_id, nomination_status, approved_at)
                    select {0}, e.id, e.job_role_id, e.manager_id, 'approved', {1}
                      from employee e
                     where e.employee_number like 'S%' and e.hire_date < {2}
                       and pg_temp.r(e.employee_number || ':360:' || {3}) < 0.6
                       and not (e.status = 'terminated' and pg_temp.r(e.employee_number || 'left') * 5 < {3})""",
                    DSL.val(cycle), DSL.val(ratingEnds.minusDays(28).atStartOfDay().atOffset(java.time.ZoneOffset.UTC)),
                    DSL.val(ratingEnds.minusDays(42)), DSL.inline(i));
            dsl.execute("analyze cycle_subject");
            // self, manager and four peers of the team; one in eight does not submit
            dsl.execute("""
                    insert into rater_assignment (cycle_subject_id, rater_group, rater_employee_id, nominated_by, status, submitted_at,
                                                  decline_reason)
                    select s.id, g.rater_group, g.rater, 'system',
                           case when g.rater_group <> 'self' and pg_temp.r(s.id || ':' || g.rater) < 0.12 then 'declined' else 'submitted' end,
                           case when g.rater_group = 'self' or pg_temp.r(s.id || ':' || g.rater) >= 0.12 then {1}::timestamptz end,
                           case when g.rater_group <> 'self' and pg_temp.r(s.id || ':' || g.rater) < 0.12 then 'No time this cycle' end
                      from cycle_subject s
                      join employee e on e.id = s.employee_id
                      cross join lateral (
                          select 'self' as rater_group, e.id as rater
                          union all select 'manager', e.manager_id where e.manager_id is not null
                          union all (select 'peer', p.id from employee p
                                      where p.org_unit_id = e.org_unit_id and p.id <> e.id and p.id is distinct from e.manager_id
                                      order by pg_temp.r(e.employee_number || p.employee_number) limit 4)) g
                     where s.cycle_id = {0}""",
                    DSL.val(cycle), DSL.val(ratingEnds.minusDays(3).atStartOfDay().atOffset(java.time.ZoneOffset.UTC)));
            dsl.execute("analyze rater_assignment");
            dsl.execute("update review_cycle set status = 'closed', closed_at = {1} where id = {0}", DSL.val(cycle), closed);
            // results: an ability per person and competency, growing by about a tenth of a level a year
            dsl.execute("""
                    insert into result_score (cycle_subject_id, competency_id, self_scores, self_mean, manager_scores, manager_mean,
                                              peer_scores, peer_mean, others_scores, others_mean)
                    select s.id, c.id, 1, round(least(3, a.ability + 0.3)::numeric, 2), 1, round(a.ability::numeric, 2),
                           4, round(a.ability::numeric, 2), 5, round(a.ability::numeric, 2)
                      from cycle_subject s
                      join employee e on e.id = s.employee_id
                      join role_requirement r on r.job_role_id = s.job_role_id and r.framework_version_id = {1}
                      join competency c on c.id = r.competency_id
                      cross join lateral (select greatest(1, least(3,
                              0.9 + 1.8 * pg_temp.r(e.employee_number || c.code) + 0.1 * {2}
                              + 0.3 * (pg_temp.r(e.employee_number || c.code || {2}) - 0.5))) as ability) a
                     where s.cycle_id = {0}""", DSL.val(cycle), DSL.val(version), DSL.inline(i));
            dsl.execute("update review_cycle set status = 'released', released_at = {1} where id = {0}", DSL.val(cycle), closed);
        }
        // the released results become evidence in one statement, so that current proficiency and the
        // skills-gap counts are kept once for the whole history; with them managers' validations
        // (one in seven people, one competency, this year) and verified assessments
        dsl.execute("analyze result_score");
        dsl.execute("""
                insert into competency_evidence (employee_id, framework_id, competency_code, source, level, observed_on,
                                                 cycle_subject_id, recorded_by, note)
                select s.employee_id, v.framework_id, c.code, '360', rs.others_mean, rc.rating_ends_on, s.id, 'Released 360', ''
                  from result_score rs join cycle_subject s on s.id = rs.cycle_subject_id
                  join review_cycle rc on rc.id = s.cycle_id and rc.name like 'Annual 360 %'
                  join competency c on c.id = rs.competency_id
                  join framework_version v on v.id = c.framework_version_id
                union all
                select e.id, v.framework_id, c.code,
                       case when pg_temp.r(e.employee_number || 'ev') < 0.1 then 'manager_validation' else 'assessment' end,
                       1 + floor(pg_temp.r(e.employee_number || 'evl') * 3), current_date - floor(pg_temp.r(e.employee_number || 'evd') * 200)::int,
                       null, 'Synthetic', 'Validated on a development goal'
                  from employee e
                  join lateral (select r.competency_id from role_requirement r where r.job_role_id = e.job_role_id
                                   and r.framework_version_id = {0} order by pg_temp.r(e.employee_number || r.competency_id) limit 1) rr on true
                  join competency c on c.id = rr.competency_id
                  join framework_version v on v.id = c.framework_version_id
                 where e.employee_number like 'S%' and e.status <> 'terminated' and pg_temp.r(e.employee_number || 'ev') < 0.15""",
                DSL.val(version));
    }

    /**
     * Training records for every course each person's role requires: the first soon after hiring
     * (or five years ago, or when the course was introduced), renewed on time when the course expires, except that one in twenty
     * people let the latest renewal lapse. Assignments are then generated as the nightly job does.
     */
    private void training() {
        dsl.execute("""
                insert into training_completion (employee_id, course_id, version_major, version_minor, completed_on, expires_on,
                                                 method, source, score, status, recorded_by, verified_by, verified_at, import_key)
                select e.id, c.id, v.major, v.minor, d.day,
                       case when c.validity_months is not null then (d.day + make_interval(months => c.validity_months))::date end,
                       c.course_type, 'import', 70 + floor(pg_temp.r(e.employee_number || c.code || k) * 31), 'complete',
                       'Synthetic LMS', 'Synthetic LMS', now(), 'SYN:' || e.employee_number || ':' || c.code || ':' || k
                  from employee e
                  join role_course rc on rc.job_role_id = e.job_role_id
                  join course c on c.id = rc.course_id
                  cross join generate_series(0, 5) k
                  -- nobody trains on a course before its first version took effect
                  cross join lateral (select min(effective_on) as introduced from course_version x where x.course_id = c.id) i
                  cross join lateral (select (greatest(e.hire_date, current_date - 1826, i.introduced) + 10
                                              + floor(pg_temp.r(e.employee_number || c.code) * 20)::int
                                              + k * coalesce(c.validity_months * 30 - 20, 0)) as day) d
                  join lateral (select major, minor from course_version x where x.course_id = c.id and x.effective_on <= d.day
                                 order by major desc, minor desc limit 1) v on true
                 where e.employee_number like 'S%' and d.day < current_date
                   and (k = 0 or c.validity_months is not null)
                   and not (k > 0 and (d.day + make_interval(months => coalesce(c.validity_months, 0)))::date > current_date
                            and pg_temp.r(e.employee_number || 'lapse') < 0.05)""");
        dsl.execute("analyze training_completion");
        assignments.regenerateAll();
    }

    /**
     * Six coaches and one person in twenty coached for six to eighteen months in the last five
     * years, monthly sessions (every fifth a short pulse); yearly development plans with two
     * competency goals for the coachees and a current plan for one in three people.
     */
    private void coaching() {
        dsl.execute("""
                insert into app_user (username, password_hash, display_name, email, enabled)
                select 'synthetic-coach-' || n, '{noop}' || md5(random()::text), 'Coach ' || n || ' (synthetic)',
                       'coach' || n || '@synthetic.helix.example', false
                  from generate_series(1, 6) n""");
        dsl.execute("insert into app_user_role (user_id, role) select id, 'COACH' from app_user where username like 'synthetic-coach-%'");
        dsl.execute("""
                insert into coaching_relationship (coach_user_id, coachee_id, kind, status, starts_on, ends_on, cadence_days, purpose,
                                                   end_reason)
                select coach.id, e.id, 'coaching', case when x.ends_on > current_date then 'active' else 'ended' end, x.starts_on,
                       case when x.ends_on <= current_date then x.ends_on end, 28, 'Leadership coaching programme',
                       case when x.ends_on <= current_date then 'Programme completed' end
                  from employee e
                  cross join lateral (select greatest(e.hire_date, current_date - 1826 + floor(pg_temp.r(e.employee_number || 'cs') * 1700)::int)
                                             as starts_on) s
                  cross join lateral (select s.starts_on as starts_on, s.starts_on + 180 + floor(pg_temp.r(e.employee_number || 'ce') * 360)::int
                                             as ends_on) x
                  join app_user coach on coach.username = 'synthetic-coach-' || (1 + floor(pg_temp.r(e.employee_number || 'coach') * 6)::int)
                 where e.employee_number like 'S%' and e.status <> 'terminated' and pg_temp.r(e.employee_number || 'coached') < 0.05
                   and s.starts_on < current_date""");
        dsl.execute("""
                insert into coaching_session (coach_user_id, held_on, duration_minutes, kind, status, topic, shared_notes)
                select r.coach_user_id, r.starts_on + k * 28, case when k % 5 = 4 then 15 else 60 end,
                       case when k % 5 = 4 then 'pulse' else 'individual' end, 'held', r.id || ':' || k, 'Agreed focus and next steps.'
                  from coaching_relationship r cross join generate_series(0, 20) k
                  join app_user u on u.id = r.coach_user_id and u.username like 'synthetic-coach-%'
                 where r.starts_on + k * 28 < least(coalesce(r.ends_on, current_date), current_date)""");
        dsl.execute("analyze coaching_relationship; analyze coaching_session");
        dsl.execute("""
                insert into session_participant (session_id, employee_id, relationship_id)
                select s.id, r.coachee_id, r.id from coaching_session s
                  join coaching_relationship r on r.id = case when s.topic ~ '^[0-9]+:[0-9]+$' then split_part(s.topic, ':', 1)::bigint end
                  join app_user u on u.id = s.coach_user_id and u.username like 'synthetic-coach-%'""");
        dsl.execute("update coaching_session s set topic = 'Coaching session' from app_user u "
                + "where u.id = s.coach_user_id and u.username like 'synthetic-coach-%'");
        long admin = dsl.fetchSingle("select u.id from app_user u join app_user_role r on r.user_id = u.id and r.role = 'ADMIN' "
                + "order by u.id limit 1").get(0, Long.class);
        // the current year's plan for one in three people, and yearly plans (earlier ones closed) for the coachees
        dsl.execute("""
                insert into development_plan (employee_id, title, starts_on, ends_on, status, approved_by_user_id, approved_at,
                                              created_by_user_id)
                select e.id, 'Development plan ' || extract(year from y.starts_on), y.starts_on, y.starts_on + 364, 'approved', {0},
                       y.starts_on + 14, {0}
                  from employee e
                  cross join generate_series(0, 4) n
                  cross join lateral (select make_date(extract(year from current_date)::int - n, 1, 1) as starts_on) y
                 where e.employee_number like 'S%' and e.status <> 'terminated' and y.starts_on >= e.hire_date
                   and ((n = 0 and pg_temp.r(e.employee_number || 'plan') < 0.33)
                        or exists (select 1 from coaching_relationship r where r.coachee_id = e.id
                                    and r.starts_on <= y.starts_on + 364 and coalesce(r.ends_on, current_date) >= y.starts_on))""",
                DSL.val(admin));
        dsl.execute("analyze development_plan");
        dsl.execute("""
                insert into plan_goal (plan_id, competency_id, title, why, current_level, target_level, starts_on, due_on, status,
                                       closed_on, evidence_kind, evidence_note, level_reached, position)
                select x.plan_id, x.competency_id, 'Strengthen ' || c.name, 'Gap against my role', 1, 2, x.starts_on, x.starts_on + 300,
                       case when x.past then 'met' else 'open' end, case when x.past then x.starts_on + 280 end,
                       case when x.past then 'session_outcome' end, case when x.past then 'Shown in practice' end,
                       case when x.past then 2 end, x.n
                  from (select p.id as plan_id, p.starts_on, p.ends_on < current_date as past, r.competency_id,
                               row_number() over (partition by p.id order by pg_temp.r(e.employee_number || r.competency_id || p.starts_on)) as n
                          from development_plan p join employee e on e.id = p.employee_id
                          join role_requirement r on r.job_role_id = e.job_role_id
                          join framework_version v on v.id = r.framework_version_id and v.status = 'published'
                         where e.employee_number like 'S%') x
                  join competency c on c.id = x.competency_id
                 where x.n <= 2""");
        dsl.execute("""
                update development_plan p set status = 'closed', closed_at = p.ends_on::timestamptz
                  from employee e where e.id = p.employee_id and e.employee_number like 'S%' and p.ends_on < current_date""");
    }

    /**
     * One team lead in six holds a critical position, with up to three successors from their
     * division and country; two talent-review rounds rate the leads and one member in five.
     */
    private void succession() {
        long admin = dsl.fetchSingle("select u.id from app_user u join app_user_role r on r.user_id = u.id and r.role = 'ADMIN' "
                + "order by u.id limit 1").get(0, Long.class);
        dsl.execute("""
                insert into critical_position (title, org_unit_id, job_role_id, incumbent_id, risk_of_loss, impact_of_loss)
                select 'Lead, ' || u.name, u.id, e.job_role_id, e.id,
                       (array['low', 'medium', 'high'])[1 + floor(pg_temp.r(e.employee_number || 'risk') * 3)::int],
                       (array['low', 'medium', 'high'])[1 + floor(pg_temp.r(e.employee_number || 'impact') * 3)::int]
                  from employee e join org_unit u on u.id = e.org_unit_id
                 where e.employee_number like 'S%' and (substr(e.employee_number, 2)::int - 1) % {0} = 0
                   and pg_temp.r(e.employee_number || 'critical') < 0.17""", DSL.inline(TEAM_SIZE));
        dsl.execute("analyze critical_position");
        dsl.execute("""
                insert into successor (position_id, employee_id, readiness, note, nominated_by_user_id)
                select x.position_id, x.employee_id,
                       (array['ready_now', 'one_to_two_years', 'three_plus_years'])[1 + floor(pg_temp.r(x.title || x.employee_number) * 3)::int],
                       'Named in the talent review', {0}
                  from (select p.id as position_id, p.title, c.id as employee_id, c.employee_number, inc.employee_number as incumbent,
                               row_number() over (partition by p.id order by pg_temp.r(inc.employee_number || c.employee_number)) as n
                          from critical_position p
                          join employee inc on inc.id = p.incumbent_id and inc.employee_number like 'S%'
                          join org_unit team on team.id = p.org_unit_id
                          join org_unit sibling on sibling.parent_id = team.parent_id
                          join employee c on c.org_unit_id = sibling.id and c.status = 'active' and c.id <> inc.id) x
                 where x.n <= floor(pg_temp.r(x.incumbent || 'n') * 4)""", DSL.val(admin));
        for (int round = 1; round >= 0; round--) {
            dsl.execute("""
                    insert into talent_rating (employee_id, performance, potential, note, rated_on, rated_by_user_id, rated_by_name)
                    select e.id, (array['low', 'moderate', 'high'])[1 + floor(pg_temp.r(e.employee_number || 'perf' || {2}) * 3)::int],
                           (array['low', 'moderate', 'high'])[1 + floor(pg_temp.r(e.employee_number || 'pot' || {2}) * 3)::int],
                           'Calibrated in the division talent review', {1}, {0}, 'Talent review panel'
                      from employee e
                     where e.employee_number like 'S%' and e.status <> 'terminated' and e.hire_date < {1}
                       and ((substr(e.employee_number, 2)::int - 1) % {3} = 0 or pg_temp.r(e.employee_number || 'rated') < 0.2)""",
                    DSL.val(admin), DSL.val(today.minusYears(round).withDayOfYear(60)), DSL.inline(round), DSL.inline(TEAM_SIZE));
        }
    }

    /**
     * Studies run by each Clinical Operations country ({@link #studiesPerCountry}) with ten sites each; a coaching
     * programme for one in six CRAs and senior CRAs in three cohorts two months apart, starting
     * eighteen months ago, with its course, competencies and KPIs; and {@value #KPI_MONTHS}
     * months of every KPI: CAPA closure and monitoring report turnaround for the monitors (CAPA
     * also for trial managers and QA), EDC entry for coordinators and data managers, engagement
     * for every unit and regrettable attrition for every team, query resolution, budget,
     * enrollment and audit findings per study, deviations, SAE timeliness and activation per site.
     * Each person and site has its own level, months vary around it, everything drifts slightly
     * better, and programme participants close CAPAs about ten days faster within three months of
     * joining (their monitoring reports do not change: the control KPI).
     */
    /** Twelve studies per Clinical Operations country at 20,000 people, fewer in a smaller organisation. */
    int studiesPerCountry() {
        return Math.max(1, Math.round(people / 1700f));
    }

    private void kpis() {
        dsl.execute("""
                create temporary table syn_month on commit drop as
                select (date_trunc('month', current_date) - make_interval(months => m))::date as period, m
                  from generate_series(1, {0}) m""", DSL.inline(KPI_MONTHS));
        dsl.execute("""
                insert into study (code, title, phase, start_date, status, org_unit_id)
                select u.code || '-' || lpad(n::text, 2, '0'), 'Synthetic study ' || n || ', ' || u.name,
                       (array['II', 'II/III', 'III'])[1 + floor(pg_temp.r(u.code || n || 'phase') * 3)::int],
                       current_date - 400 - floor(pg_temp.r(u.code || n || 'start') * 1000)::int, 'active', u.id
                  from org_unit u cross join generate_series(1, {0}) n
                 where u.code like 'SY-CO-%' and u.kind = 'country'""", DSL.inline(studiesPerCountry()));
        dsl.execute("""
                insert into study_site (study_id, site_code, name, country, activated_on, status)
                select s.id, 'SY' || (100 + n), 'Site ' || n || ' of ' || s.code, substr(s.code, 7, 2),
                       s.start_date + 60 + floor(pg_temp.r(s.code || n || 'act') * 240)::int, 'active'
                  from study s cross join generate_series(1, 10) n
                 where s.code like 'SY-CO-%'""");
        dsl.execute("analyze study; analyze study_site");
        LocalDate start = today.withDayOfMonth(1).minusMonths(18);
        long programme = dsl.fetchSingle("""
                insert into programme (code, name, description, kind, starts_on, ends_on, fixed_cost, cost_per_participant, currency,
                                       created_by)
                values ('SY-QLC', 'Quality leadership coaching (synthetic)', 'Monthly coaching on root causes and CAPA ownership.',
                        'coaching', {0}, {1}, 250000, 1500, 'USD', 'Synthetic') returning id""",
                DSL.val(start), DSL.val(start.plusMonths(10))).get(0, Long.class);
        dsl.execute("""
                insert into programme_participant (programme_id, employee_id, joined_on)
                select {0}, e.id, {1}::date + 61 * floor(pg_temp.r(e.employee_number || 'cohort') * 3)::int
                  from employee e join job_role j on j.id = e.job_role_id and j.code in ('CRA', 'SCRA')
                 where e.employee_number like 'S%' and e.status <> 'terminated' and e.hire_date < {1}::date - 365
                   and pg_temp.r(e.employee_number || 'qlc') < 0.17""", DSL.val(programme), DSL.val(start));
        dsl.execute("""
                insert into programme_kpi (programme_id, kpi_id)
                select {0}, id from kpi where code in ('CAPA-CLOSURE-DAYS', 'MONITORING-REPORT-DAYS')""", DSL.val(programme));
        dsl.execute("""
                insert into programme_competency (programme_id, framework_id, competency_code)
                select distinct {0}, v.framework_id, c.code
                  from role_requirement r join job_role j on j.id = r.job_role_id and j.code = 'CRA'
                  join framework_version v on v.id = r.framework_version_id and v.status = 'published'
                  join competency c on c.id = r.competency_id
                 order by 3 limit 2""", DSL.val(programme));
        dsl.execute("""
                insert into programme_course (programme_id, course_id)
                select {0}, c.id from course c where c.code = 'DEV-CAPA'""", DSL.val(programme));
        // a course programme (everyone who completed the deviations and CAPA course in two years) and a 360 follow-up
        dsl.execute("""
                insert into programme (code, name, kind, course_id, starts_on, ends_on, cost_per_participant, currency, created_by)
                select 'SY-DEV-CAPA', 'Deviations and CAPA course (synthetic)', 'course', c.id, {0}, {1}, 0, 'EUR', 'Synthetic'
                  from course c where c.code = 'DEV-CAPA'""", DSL.val(today.minusYears(3)), DSL.val(today.minusYears(1)));
        dsl.execute("""
                insert into programme (code, name, kind, cycle_id, starts_on, currency, created_by)
                select 'SY-360-FOLLOW-UP', rc.name || ' and its follow-up (synthetic)', 'cycle_follow_up', rc.id,
                       rc.released_at::date, 'USD', 'Synthetic'
                  from review_cycle rc where rc.name like 'Annual 360 %' and rc.status = 'released'
                 order by rc.rating_ends_on desc offset 1 limit 1""");
        dsl.execute("""
                insert into programme_kpi (programme_id, kpi_id)
                select p.id, k.id from programme p join kpi k on k.code in ('CAPA-CLOSURE-DAYS', 'MONITORING-REPORT-DAYS', 'EDC-ENTRY-DAYS')
                 where p.code in ('SY-DEV-CAPA', 'SY-360-FOLLOW-UP')""");
        dsl.execute("analyze programme_participant");
        // people: each person's own level, monthly variation, a slight improvement over time, the programme's effect
        dsl.execute("""
                insert into kpi_observation (kpi_id, level, period, employee_id, value, source)
                select k.id, 'person', m.period, e.id,
                       round(greatest(1, b.base * (0.8 + 0.4 * pg_temp.r(e.employee_number || k.code))
                                         + b.base * 0.3 * (pg_temp.r(e.employee_number || k.code || m.m) - 0.5)
                                         - b.base * 0.002 * ({0} - m.m)
                                         - case when k.code = 'CAPA-CLOSURE-DAYS' and pp.joined_on is not null
                                                     and m.period >= date_trunc('month', pp.joined_on)
                                                then 10 * least(1, ((extract(year from m.period) - extract(year from pp.joined_on)) * 12
                                                                    + extract(month from m.period) - extract(month from pp.joined_on) + 1) / 3.0)
                                                else 0 end)::numeric, 1),
                       'Synthetic'
                  from employee e
                  join job_role j on j.id = e.job_role_id
                  join kpi k on (k.code = 'CAPA-CLOSURE-DAYS' and j.code in ('CRA', 'SCRA', 'CTM', 'QAA', 'QAM'))
                             or (k.code = 'MONITORING-REPORT-DAYS' and j.code in ('CRA', 'SCRA'))
                             or (k.code = 'EDC-ENTRY-DAYS' and j.code in ('CRC', 'CDM'))
                  cross join lateral (select case k.code when 'CAPA-CLOSURE-DAYS' then 42.0 when 'MONITORING-REPORT-DAYS' then 10.5
                                             else 5.8 end as base) b
                  join syn_month m on m.period >= e.hire_date
                  left join programme_participant pp on pp.employee_id = e.id and pp.programme_id = {1}
                 where e.employee_number like 'S%'""", DSL.inline(KPI_MONTHS), DSL.val(programme));
        // units: engagement for every unit, regrettable attrition for every team (of ten)
        dsl.execute("""
                insert into kpi_observation (kpi_id, level, period, org_unit_id, value, numerator, denominator, source)
                select k.id, 'org_unit', m.period, u.id,
                       case when k.code = 'ENGAGEMENT'
                            then round((62 + 18 * pg_temp.r(u.code || 'eng') + 6 * (pg_temp.r(u.code || m.m || 'eng') - 0.5)
                                        + 0.1 * ({0} - m.m))::numeric, 1)
                            else round(100.0 * a.leavers / 10, 2) end,
                       case when k.code <> 'ENGAGEMENT' then a.leavers end, case when k.code <> 'ENGAGEMENT' then 10 end, 'Synthetic'
                  from org_unit u
                  join kpi k on k.code = 'ENGAGEMENT' or (k.code = 'REGRETTABLE-ATTRITION' and u.kind = 'team')
                  cross join syn_month m
                  cross join lateral (select case when pg_temp.r(u.code || m.m || 'left') < 0.05 then 1 else 0 end as leavers) a
                 where u.code like 'SY-%'""", DSL.inline(KPI_MONTHS));
        // studies: query resolution and budget variance monthly, enrollment against a growing plan, audits every eight months
        dsl.execute("""
                insert into kpi_observation (kpi_id, level, period, study_id, value, numerator, denominator, source)
                select k.id, 'study', m.period, s.id,
                       case k.code when 'QUERY-RESOLUTION-DAYS' then round((8 + 8 * pg_temp.r(s.code || 'q') + 3 * (pg_temp.r(s.code || m.m || 'q') - 0.5))::numeric, 1)
                                   when 'BUDGET-VARIANCE' then round((1 + 8 * pg_temp.r(s.code || m.m || 'b'))::numeric, 1)
                                   when 'AUDIT-FINDINGS-CRITICAL' then case when pg_temp.r(s.code || m.m || 'c') < 0.1 then 1 else 0 end
                                   else round((x.num * k.rate_scale / x.den)::numeric, 2) end,
                       case when k.aggregation = 'rate' then x.num end, case when k.aggregation = 'rate' then x.den end, 'Synthetic'
                  from study s
                  cross join syn_month m
                  join kpi k on k.code in ('QUERY-RESOLUTION-DAYS', 'BUDGET-VARIANCE', 'ENROLLMENT-VS-TARGET')
                             or (k.code in ('AUDIT-FINDINGS-CRITICAL', 'AUDIT-FINDINGS-MAJOR', 'AUDIT-FINDINGS-MINOR')
                                 and (m.m + hashtext(s.code)) % 8 = 0)
                  cross join lateral (select case k.code
                             when 'ENROLLMENT-VS-TARGET' then round(12 * ({0} - m.m + 1) * (0.7 + 0.4 * pg_temp.r(s.code || 'enr')))
                             when 'AUDIT-FINDINGS-MAJOR' then floor(pg_temp.r(s.code || m.m || 'maj') * 4)
                             else floor(pg_temp.r(s.code || m.m || 'min') * 8) end as num,
                             case k.code when 'ENROLLMENT-VS-TARGET' then 12 * ({0} - m.m + 1) else 1 end as den) x
                 where s.code like 'SY-CO-%' and m.period >= s.start_date""", DSL.inline(KPI_MONTHS));
        // sites: deviations per visits and SAEs reported in time each month after activation, the activation itself once
        dsl.execute("""
                insert into kpi_observation (kpi_id, level, period, site_id, value, numerator, denominator, source)
                select k.id, 'site', m.period, ss.id,
                       case when k.code = 'SITE-ACTIVATION-DAYS' then 90 + floor(pg_temp.r(s.code || ss.site_code || 'days') * 120)
                            else round((x.num * k.rate_scale / x.den)::numeric, 2) end,
                       case when k.aggregation = 'rate' then x.num end, case when k.aggregation = 'rate' then x.den end, 'Synthetic'
                  from study_site ss
                  join study s on s.id = ss.study_id and s.code like 'SY-CO-%'
                  cross join syn_month m
                  join kpi k on (k.code in ('PROTOCOL-DEVIATIONS', 'SAE-TIMELINESS') and m.period > ss.activated_on)
                             or (k.code = 'SITE-ACTIVATION-DAYS' and m.period = date_trunc('month', ss.activated_on)::date)
                  cross join lateral (select 20 + floor(pg_temp.r(s.code || ss.site_code || ':' || m.m || 'v') * 30) as visits,
                                             1 + floor(pg_temp.r(s.code || ss.site_code || ':' || m.m || 's') * 3) as saes) v
                  cross join lateral (select case k.code
                             when 'PROTOCOL-DEVIATIONS' then floor(v.visits * (0.01 + 0.04 * pg_temp.r(s.code || ss.site_code || 'dev'))
                                                                   + pg_temp.r(s.code || ss.site_code || ':' || m.m || 'd'))
                             else v.saes - case when pg_temp.r(s.code || ss.site_code || ':' || m.m || 'late') < 0.12 then 1 else 0 end end as num,
                             case k.code when 'PROTOCOL-DEVIATIONS' then v.visits else v.saes end as den) x""");
        dsl.execute("analyze kpi_observation");
    }
}
