package org.clinlead.insights;

import static org.clinlead.db.Tables.CAREER_PATH;
import static org.clinlead.db.Tables.COMPETENCY;
import static org.clinlead.db.Tables.COMPETENCY_EVIDENCE;
import static org.clinlead.db.Tables.COURSE;
import static org.clinlead.db.Tables.CURRENT_PROFICIENCY;
import static org.clinlead.db.Tables.DEVELOPMENT_PLAN;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.E_SIGNATURE;
import static org.clinlead.db.Tables.FRAMEWORK_VERSION;
import static org.clinlead.db.Tables.JOB_ROLE;
import static org.clinlead.db.Tables.ORG_UNIT;
import static org.clinlead.db.Tables.PLAN_GOAL;
import static org.clinlead.db.Tables.ROLE_REQUIREMENT;
import static org.clinlead.db.Tables.TRAINING_COMPLETION;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.DataScope;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** Puts a person's evidence portfolio together, within the reader's scope. */
@Component
// reads in autocommit, without a transactional proxy (docs/decisions/0012-dashboard-reads-without-a-transaction.md)
public class PortfolioQuery {

    private static final DateTimeFormatter SIGNED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final DSLContext dsl;
    private final DataScope scope;

    PortfolioQuery(DSLContext dsl, DataScope scope) {
        this.dsl = dsl;
        this.scope = scope;
    }

    public Optional<Portfolio> portfolio(CurrentUser user, long employeeId) {
        if (!scope.canSee(user, employeeId)) {
            return Optional.empty();
        }
        var person = dsl.select(DSL.concat(EMPLOYEE.FIRST_NAME, DSL.inline(" "), EMPLOYEE.LAST_NAME), EMPLOYEE.EMPLOYEE_NUMBER,
                        JOB_ROLE.ID, JOB_ROLE.NAME, ORG_UNIT.NAME)
                .from(EMPLOYEE).join(JOB_ROLE).on(JOB_ROLE.ID.eq(EMPLOYEE.JOB_ROLE_ID)).join(ORG_UNIT).on(ORG_UNIT.ID.eq(EMPLOYEE.ORG_UNIT_ID))
                .where(EMPLOYEE.ID.eq(employeeId)).fetchSingle();
        var next = JOB_ROLE.as("next_role");
        var nextRole = dsl.select(next.ID, next.NAME).from(CAREER_PATH).join(next).on(next.ID.eq(CAREER_PATH.TO_ROLE_ID))
                .where(CAREER_PATH.FROM_ROLE_ID.eq(person.value3())).orderBy(next.CAREER_LEVEL, next.NAME).limit(1).fetchOptional();

        var nextReq = ROLE_REQUIREMENT.as("next_req");
        Field<Integer> nextRequired = nextRole.isEmpty() ? DSL.castNull(Integer.class)
                : DSL.field(DSL.select(nextReq.REQUIRED_LEVEL).from(nextReq).where(nextReq.JOB_ROLE_ID.eq(nextRole.get().value1()))
                        .and(nextReq.COMPETENCY_ID.eq(ROLE_REQUIREMENT.COMPETENCY_ID)));
        List<Portfolio.Row> matrix = dsl.select(COMPETENCY.CODE, COMPETENCY.NAME, ROLE_REQUIREMENT.REQUIRED_LEVEL, CURRENT_PROFICIENCY.LEVEL,
                        CURRENT_PROFICIENCY.SOURCE, CURRENT_PROFICIENCY.OBSERVED_ON, nextRequired)
                .from(ROLE_REQUIREMENT)
                .join(FRAMEWORK_VERSION).on(FRAMEWORK_VERSION.ID.eq(ROLE_REQUIREMENT.FRAMEWORK_VERSION_ID)).and(FRAMEWORK_VERSION.STATUS.eq("published"))
                .join(COMPETENCY).on(COMPETENCY.ID.eq(ROLE_REQUIREMENT.COMPETENCY_ID))
                .leftJoin(CURRENT_PROFICIENCY).on(CURRENT_PROFICIENCY.EMPLOYEE_ID.eq(employeeId))
                .and(CURRENT_PROFICIENCY.FRAMEWORK_ID.eq(FRAMEWORK_VERSION.FRAMEWORK_ID)).and(CURRENT_PROFICIENCY.COMPETENCY_CODE.eq(COMPETENCY.CODE))
                .where(ROLE_REQUIREMENT.JOB_ROLE_ID.eq(person.value3()))
                .orderBy(COMPETENCY.CODE)
                .fetch(r -> new Portfolio.Row(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));

        List<Portfolio.Evidence> evidence = dsl.select(COMPETENCY_EVIDENCE.OBSERVED_ON, COMPETENCY_EVIDENCE.COMPETENCY_CODE,
                        COMPETENCY_EVIDENCE.SOURCE, COMPETENCY_EVIDENCE.LEVEL, COMPETENCY_EVIDENCE.NOTE)
                .from(COMPETENCY_EVIDENCE).where(COMPETENCY_EVIDENCE.EMPLOYEE_ID.eq(employeeId))
                .orderBy(COMPETENCY_EVIDENCE.OBSERVED_ON.desc(), COMPETENCY_EVIDENCE.COMPETENCY_CODE).limit(500)
                .fetch(r -> new Portfolio.Evidence(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));

        var completions = dsl.select(TRAINING_COMPLETION.ID, DSL.concat(COURSE.CODE, DSL.inline(" "), COURSE.TITLE),
                        DSL.concat(TRAINING_COMPLETION.VERSION_MAJOR.cast(String.class), DSL.inline("."),
                                TRAINING_COMPLETION.VERSION_MINOR.cast(String.class)),
                        TRAINING_COMPLETION.COMPLETED_ON, TRAINING_COMPLETION.STATUS)
                .from(TRAINING_COMPLETION).join(COURSE).on(COURSE.ID.eq(TRAINING_COMPLETION.COURSE_ID))
                .where(TRAINING_COMPLETION.EMPLOYEE_ID.eq(employeeId))
                .orderBy(TRAINING_COMPLETION.COMPLETED_ON.desc(), TRAINING_COMPLETION.ID.desc()).limit(500)
                .fetch();
        Map<Long, List<String>> signatures = dsl.select(E_SIGNATURE.RECORD_ID, E_SIGNATURE.PRINTED_NAME, E_SIGNATURE.MEANING,
                        E_SIGNATURE.SIGNED_AT, E_SIGNATURE.TIME_ZONE)
                .from(E_SIGNATURE).where(E_SIGNATURE.RECORD_TYPE.eq("training_completion"))
                .and(E_SIGNATURE.RECORD_ID.in(completions.stream().map(r -> r.value1()).toList()))
                .orderBy(E_SIGNATURE.SIGNED_AT)
                .fetchGroups(r -> r.value1(), r -> r.value2() + ", " + SIGNED.format(r.value4().toInstant()) + " (" + r.value5() + "), "
                        + r.value3());
        List<Portfolio.Training> training = completions.stream().map(r -> new Portfolio.Training(r.value2(), r.value3(), r.value4(),
                r.value5(), signatures.getOrDefault(r.value1(), List.of()))).toList();

        List<Portfolio.GoalMet> goals = dsl.select(PLAN_GOAL.TITLE, COMPETENCY.CODE, PLAN_GOAL.CLOSED_ON,
                        DSL.concat(DSL.coalesce(PLAN_GOAL.EVIDENCE_KIND, DSL.inline("")), DSL.inline(": "), DSL.coalesce(PLAN_GOAL.EVIDENCE_NOTE, DSL.inline(""))),
                        PLAN_GOAL.LEVEL_REACHED)
                .from(PLAN_GOAL).join(DEVELOPMENT_PLAN).on(DEVELOPMENT_PLAN.ID.eq(PLAN_GOAL.PLAN_ID))
                .leftJoin(COMPETENCY).on(COMPETENCY.ID.eq(PLAN_GOAL.COMPETENCY_ID))
                .where(DEVELOPMENT_PLAN.EMPLOYEE_ID.eq(employeeId)).and(PLAN_GOAL.STATUS.eq("met"))
                .orderBy(PLAN_GOAL.CLOSED_ON.desc())
                .fetch(r -> new Portfolio.GoalMet(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));

        int met = 0;
        int required = 0;
        List<String> missing = new ArrayList<>();
        if (nextRole.isPresent()) {
            var rows = dsl.select(COMPETENCY.CODE, ROLE_REQUIREMENT.REQUIRED_LEVEL, CURRENT_PROFICIENCY.LEVEL)
                    .from(ROLE_REQUIREMENT)
                    .join(FRAMEWORK_VERSION).on(FRAMEWORK_VERSION.ID.eq(ROLE_REQUIREMENT.FRAMEWORK_VERSION_ID)).and(FRAMEWORK_VERSION.STATUS.eq("published"))
                    .join(COMPETENCY).on(COMPETENCY.ID.eq(ROLE_REQUIREMENT.COMPETENCY_ID))
                    .leftJoin(CURRENT_PROFICIENCY).on(CURRENT_PROFICIENCY.EMPLOYEE_ID.eq(employeeId))
                    .and(CURRENT_PROFICIENCY.FRAMEWORK_ID.eq(FRAMEWORK_VERSION.FRAMEWORK_ID)).and(CURRENT_PROFICIENCY.COMPETENCY_CODE.eq(COMPETENCY.CODE))
                    .where(ROLE_REQUIREMENT.JOB_ROLE_ID.eq(nextRole.get().value1())).orderBy(COMPETENCY.CODE).fetch();
            for (var r : rows) {
                required++;
                if (r.value3() != null && r.value3().compareTo(BigDecimal.valueOf(r.value2())) >= 0) {
                    met++;
                } else {
                    missing.add(r.value1() + " " + (r.value3() == null ? "–" : r.value3().toPlainString()) + "→" + r.value2());
                }
            }
        }
        return Optional.of(new Portfolio(person.value1(), person.value2(), person.value4(), person.value5(),
                nextRole.map(r -> r.value2()).orElse(null), matrix, evidence, training, goals, met, required, missing));
    }
}
