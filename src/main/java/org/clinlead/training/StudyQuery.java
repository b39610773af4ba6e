package org.clinlead.training;

import static org.clinlead.db.Tables.CERTIFICATION;
import static org.clinlead.db.Tables.COURSE;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.JOB_ROLE;
import static org.clinlead.db.Tables.ORG_UNIT;
import static org.clinlead.db.Tables.STUDY;
import static org.clinlead.db.Tables.STUDY_COURSE;
import static org.clinlead.db.Tables.STUDY_MEMBER;
import static org.clinlead.db.Tables.TRAINING_ASSIGNMENT;
import static org.clinlead.db.Tables.TRAINING_COMPLETION;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.DataScope;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Studies, their teams (within the reader's scope), their courses and each member's GCP standing. */
@Component
@Transactional(readOnly = true)
public class StudyQuery {

    /** The window before a study's start in which GCP evidence is accepted, when the record has none. */
    static final int DEFAULT_GCP_MONTHS = 36;

    private final DSLContext dsl;
    private final DataScope scope;

    StudyQuery(DSLContext dsl, DataScope scope) {
        this.dsl = dsl;
        this.scope = scope;
    }

    public List<StudySummary> studies() {
        return summaries(DSL.noCondition());
    }

    public Optional<StudySummary> study(long id) {
        return summaries(STUDY.ID.eq(id)).stream().findFirst();
    }

    private List<StudySummary> summaries(org.jooq.Condition which) {
        var members = DSL.select(DSL.count()).from(STUDY_MEMBER).where(STUDY_MEMBER.STUDY_ID.eq(STUDY.ID))
                .and(STUDY_MEMBER.LEFT_ON.isNull());
        var courses = DSL.select(DSL.count()).from(STUDY_COURSE).where(STUDY_COURSE.STUDY_ID.eq(STUDY.ID));
        return dsl.select(STUDY.ID, STUDY.CODE, STUDY.TITLE, STUDY.PHASE, STUDY.START_DATE, STUDY.END_DATE, STUDY.STATUS,
                        STUDY.ORG_UNIT_ID, ORG_UNIT.NAME, DSL.field(members), DSL.field(courses), STUDY.VERSION)
                .from(STUDY).join(ORG_UNIT).on(ORG_UNIT.ID.eq(STUDY.ORG_UNIT_ID))
                .where(which)
                .orderBy(STUDY.STATUS.eq("closed"), STUDY.START_DATE.desc(), STUDY.CODE)
                .fetch(r -> new StudySummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9(), r.value10(), r.value11(), r.value12()));
    }

    public Optional<StudyDetail> detail(CurrentUser user, long studyId) {
        return study(studyId).map(study -> {
            LocalDate today = LocalDate.now();
            var open = DSL.count().filterWhere(TRAINING_ASSIGNMENT.STATUS.in("assigned", "in_progress"));
            var overdue = DSL.count().filterWhere(TRAINING_ASSIGNMENT.STATUS.in("assigned", "in_progress")
                    .and(TRAINING_ASSIGNMENT.DUE_ON.lt(today)));
            Map<Long, int[]> counts = new HashMap<>();
            dsl.select(TRAINING_ASSIGNMENT.EMPLOYEE_ID, open, overdue).from(TRAINING_ASSIGNMENT)
                    .where(TRAINING_ASSIGNMENT.STUDY_ID.eq(studyId)).and(TRAINING_ASSIGNMENT.CURRENT.isTrue())
                    .groupBy(TRAINING_ASSIGNMENT.EMPLOYEE_ID)
                    .forEach(r -> counts.put(r.value1(), new int[] {r.value2(), r.value3()}));
            var rows = dsl.select(STUDY_MEMBER.ID, STUDY_MEMBER.EMPLOYEE_ID,
                            DSL.concat(EMPLOYEE.FIRST_NAME, DSL.val(" "), EMPLOYEE.LAST_NAME), JOB_ROLE.NAME,
                            STUDY_MEMBER.TASKS, STUDY_MEMBER.JOINED_ON, STUDY_MEMBER.LEFT_ON, STUDY_MEMBER.VERSION)
                    .from(STUDY_MEMBER)
                    .join(EMPLOYEE).on(EMPLOYEE.ID.eq(STUDY_MEMBER.EMPLOYEE_ID))
                    .join(JOB_ROLE).on(JOB_ROLE.ID.eq(EMPLOYEE.JOB_ROLE_ID))
                    .where(STUDY_MEMBER.STUDY_ID.eq(studyId)).and(scope.employees(user, STUDY_MEMBER.EMPLOYEE_ID))
                    .orderBy(STUDY_MEMBER.LEFT_ON.isNotNull(), EMPLOYEE.LAST_NAME, EMPLOYEE.FIRST_NAME)
                    .fetch();
            int total = dsl.fetchCount(STUDY_MEMBER, STUDY_MEMBER.STUDY_ID.eq(studyId));
            Map<Long, StudyDetail.GcpStanding> gcp = gcpStanding(rows.stream().map(r -> r.value2()).toList(), study.startDate(), today);
            List<StudyDetail.Member> members = rows.stream().map(r -> new StudyDetail.Member(r.value1(), r.value2(), r.value3(),
                    r.value4(), tasks(r.value5()), r.value6(), r.value7(), gcp.get(r.value2()),
                    counts.getOrDefault(r.value2(), new int[2])[0], counts.getOrDefault(r.value2(), new int[2])[1], r.value8())).toList();
            List<StudyDetail.StudyCourse> courses = dsl.select(STUDY_COURSE.ID, COURSE.ID, COURSE.CODE, COURSE.TITLE,
                            STUDY_COURSE.TASKS, STUDY_COURSE.DUE_WITHIN_DAYS)
                    .from(STUDY_COURSE).join(COURSE).on(COURSE.ID.eq(STUDY_COURSE.COURSE_ID))
                    .where(STUDY_COURSE.STUDY_ID.eq(studyId)).orderBy(COURSE.CODE)
                    .fetch(r -> new StudyDetail.StudyCourse(r.value1(), r.value2(), r.value3(), r.value4(), tasks(r.value5()), r.value6()));
            return new StudyDetail(study, members, courses, total - members.size());
        });
    }

    /**
     * GCP standing of each person against a study start: their GCP course completions and
     * verified GCP certificates; valid when dated within the record's validity (its course's
     * validity, or 36 months) before the study start, and not expired today.
     */
    Map<Long, StudyDetail.GcpStanding> gcpStanding(List<Long> employees, LocalDate studyStart, LocalDate today) {
        record Evidence(long employeeId, String what, LocalDate dated, LocalDate expires, int months) {
        }
        List<Evidence> evidence = new ArrayList<>();
        dsl.select(TRAINING_COMPLETION.EMPLOYEE_ID, COURSE.TITLE, TRAINING_COMPLETION.COMPLETED_ON, TRAINING_COMPLETION.EXPIRES_ON,
                        DSL.coalesce(COURSE.VALIDITY_MONTHS, DEFAULT_GCP_MONTHS))
                .from(TRAINING_COMPLETION).join(COURSE).on(COURSE.ID.eq(TRAINING_COMPLETION.COURSE_ID))
                .where(TRAINING_COMPLETION.EMPLOYEE_ID.in(employees)).and(COURSE.GCP.isTrue())
                .and(TRAINING_COMPLETION.STATUS.eq("complete")).and(TRAINING_COMPLETION.SUPERSEDED_BY_ID.isNull())
                .forEach(r -> evidence.add(new Evidence(r.value1(), r.value2(), r.value3(), r.value4(), r.value5())));
        dsl.select(CERTIFICATION.EMPLOYEE_ID, CERTIFICATION.NAME, CERTIFICATION.ISSUED_ON, CERTIFICATION.EXPIRES_ON)
                .from(CERTIFICATION)
                .where(CERTIFICATION.EMPLOYEE_ID.in(employees)).and(CERTIFICATION.KIND.eq("GCP"))
                .and(CERTIFICATION.STATUS.eq("verified"))
                .forEach(r -> evidence.add(new Evidence(r.value1(), r.value2() + " (certificate)", r.value3(), r.value4(), DEFAULT_GCP_MONTHS)));
        Map<Long, List<Evidence>> byPerson = evidence.stream().collect(Collectors.groupingBy(Evidence::employeeId));
        Map<Long, StudyDetail.GcpStanding> result = new HashMap<>();
        for (Long employee : employees) {
            List<Evidence> list = new ArrayList<>(byPerson.getOrDefault(employee, List.of()));
            list.sort(Comparator.comparing(Evidence::dated).reversed());
            StudyDetail.GcpStanding standing = new StudyDetail.GcpStanding(null, null, null, StudyDetail.GcpStanding.Status.NONE);
            for (Evidence e : list) {
                boolean expired = e.expires() != null && e.expires().isBefore(today);
                boolean tooOld = e.dated().isBefore(studyStart.minusMonths(e.months()));
                StudyDetail.GcpStanding.Status status = expired ? StudyDetail.GcpStanding.Status.EXPIRED
                        : tooOld ? StudyDetail.GcpStanding.Status.TOO_OLD : StudyDetail.GcpStanding.Status.VALID;
                if (status == StudyDetail.GcpStanding.Status.VALID || standing.status() == StudyDetail.GcpStanding.Status.NONE) {
                    standing = new StudyDetail.GcpStanding(e.what(), e.dated(), e.expires(), status);
                }
                if (status == StudyDetail.GcpStanding.Status.VALID) {
                    break;
                }
            }
            result.put(employee, standing);
        }
        return result;
    }

    private static Set<StudyTask> tasks(String[] tasks) {
        Set<StudyTask> result = EnumSet.noneOf(StudyTask.class);
        Arrays.stream(tasks).map(StudyTask::of).forEach(result::add);
        return result;
    }
}
