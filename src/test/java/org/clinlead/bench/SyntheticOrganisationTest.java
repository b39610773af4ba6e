package org.clinlead.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.clinlead.core.security.SystemAuthentication;
import org.clinlead.training.AssignmentService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The synthetic organisation is reproducible from its seed and believable: built twice with one
 * seed (each time rolled back) it is the same, another seed gives another organisation, and its
 * figures have the shape the generator promises.
 */
@SpringBootTest
class SyntheticOrganisationTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    AssignmentService assignments;

    /** Builds, checks, fingerprints and rolls back. */
    String buildAndFingerprint(long seed, boolean check) {
        return SystemAuthentication.run(() -> transaction.execute(status -> {
            var summary = new SyntheticOrganisation(dsl, assignments, seed, 500).build();
            if (check) {
                checkShape(summary);
            }
            String fingerprint = dsl.fetchSingle("""
                    select md5(string_agg(x, '|' order by x)) from (
                      select concat_ws(',', e.employee_number, e.first_name, e.last_name, r.code, u.code, e.hire_date, e.role_since,
                                       e.country, e.status, m.employee_number) as x
                        from employee e join job_role r on r.id = e.job_role_id join org_unit u on u.id = e.org_unit_id
                        left join employee m on m.id = e.manager_id where e.employee_number like 'S%'
                      union all
                      select concat_ws(',', e.employee_number, v.competency_code, v.source, v.level, v.observed_on)
                        from competency_evidence v join employee e on e.id = v.employee_id where e.employee_number like 'S%'
                      union all
                      select concat_ws(',', e.employee_number, c.code, t.completed_on, t.score)
                        from training_completion t join employee e on e.id = t.employee_id join course c on c.id = t.course_id
                       where e.employee_number like 'S%'
                      union all
                      select concat_ws(',', e.employee_number, s.held_on, s.kind)
                        from coaching_session s join session_participant p on p.session_id = s.id join employee e on e.id = p.employee_id
                       where e.employee_number like 'S%'
                      union all
                      select concat_ws(',', p.title, e.employee_number, s.readiness)
                        from successor s join critical_position p on p.id = s.position_id join employee e on e.id = s.employee_id
                       where e.employee_number like 'S%'
                      union all
                      select concat_ws(',', e.employee_number, t.performance, t.potential, t.rated_on)
                        from talent_rating t join employee e on e.id = t.employee_id where e.employee_number like 'S%'
                      union all
                      select concat_ws(',', k.code, o.period, o.level, coalesce(e.employee_number, u.code, s.code, ss.site_code),
                                       o.value, o.numerator, o.denominator)
                        from kpi_observation o join kpi k on k.id = o.kpi_id
                        left join employee e on e.id = o.employee_id left join org_unit u on u.id = o.org_unit_id
                        left join study s on s.id = o.study_id left join study_site ss on ss.id = o.site_id
                       where o.source = 'Synthetic'
                      union all
                      select concat_ws(',', e.employee_number, p.joined_on) from programme_participant p
                        join employee e on e.id = p.employee_id where e.employee_number like 'S%'
                    ) f""").get(0, String.class);
            status.setRollbackOnly();
            return fingerprint;
        }));
    }

    @Test
    void oneSeedBuildsOneOrganisationAndAnotherSeedAnother() {
        String first = buildAndFingerprint(7, true);
        assertThat(buildAndFingerprint(7, false)).isEqualTo(first);
        assertThat(buildAndFingerprint(8, false)).isNotEqualTo(first);
    }

    void checkShape(SyntheticOrganisation.Summary summary) {
        // 22 teams of ten beside the 288 demo people: 508
        assertThat(summary.people()).isEqualTo(288 + 220);
        assertThat(summary.cycles()).isEqualTo(5);
        int subjects = dsl.fetchSingle("select count(distinct employee_id) from cycle_subject s join employee e on e.id = s.employee_id "
                + "where e.employee_number like 'S%'").get(0, Integer.class);
        assertThat(subjects).isBetween(100, 220);
        // every active synthetic person has current proficiency or has not been rated yet; the gap counts cover them
        int assessed = dsl.fetchSingle("select count(distinct p.employee_id) from current_proficiency p join employee e on e.id = p.employee_id "
                + "where e.employee_number like 'S%'").get(0, Integer.class);
        assertThat(assessed).isGreaterThanOrEqualTo(subjects * 9 / 10);
        int counted = dsl.fetchSingle("select coalesce(sum(assessed), 0) from gap_cell g join org_unit u on u.id = g.org_unit_id "
                + "where u.code like 'SY-%'").get(0, Integer.class);
        assertThat(counted).isPositive();
        // training: every synthetic person has records, most of the required training is compliant, some is not
        assertThat(dsl.fetchSingle("select count(*) from employee e where e.employee_number like 'S%' and not exists "
                + "(select 1 from training_completion t where t.employee_id = e.id)").get(0, Integer.class)).isLessThan(5);
        assertThat(summary.sessions()).isPositive();
        assertThat(summary.plans()).isPositive();
        assertThat(summary.positions()).isBetween(1, 22);
        assertThat(summary.ratings()).isPositive();
        // KPI history: 40 months for the monitors, coordinators, units, studies and sites; a coaching programme whose
        // participants close CAPAs faster after joining than before, and faster than the others of their role
        // one study per Clinical Operations country at 500 people (twelve at 20,000), ten sites each
        assertThat(summary.studies()).isEqualTo(16);
        assertThat(summary.sites()).isEqualTo(16 * 10);
        assertThat(summary.observations()).isGreaterThan(20_000);
        assertThat(summary.participants()).isPositive();
        assertThat(dsl.fetchSingle("""
                select count(*) from kpi_observation o join kpi k on k.id = o.kpi_id
                 where o.source = 'Synthetic' and k.level = 'person' and o.employee_id is null""").get(0, Integer.class)).isZero();
        double effect = dsl.fetchSingle("""
                select avg(o.value) filter (where o.period >= date_trunc('month', p.joined_on) + interval '3 months')
                     - avg(o.value) filter (where o.period < date_trunc('month', p.joined_on))
                  from kpi_observation o join kpi k on k.id = o.kpi_id and k.code = 'CAPA-CLOSURE-DAYS'
                  join programme_participant p on p.employee_id = o.employee_id""").get(0, Double.class);
        assertThat(effect).isBetween(-14.0, -7.0);
        // the leads manage their teams; nobody manages themself
        assertThat(dsl.fetchSingle("select count(*) from employee e where e.employee_number like 'S%' and e.manager_id is null")
                .get(0, Integer.class)).isEqualTo(22);
    }
}
