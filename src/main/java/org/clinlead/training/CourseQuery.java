package org.clinlead.training;

import static org.clinlead.db.Tables.COMPETENCY;
import static org.clinlead.db.Tables.COURSE;
import static org.clinlead.db.Tables.COURSE_COMPETENCY;
import static org.clinlead.db.Tables.COURSE_VERSION;
import static org.clinlead.db.Tables.FRAMEWORK;
import static org.clinlead.db.Tables.FRAMEWORK_VERSION;
import static org.clinlead.db.Tables.JOB_ROLE;
import static org.clinlead.db.Tables.ROLE_COURSE;
import static org.clinlead.db.Tables.COMPETENCY_DOMAIN;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinlead.db.tables.records.CourseRecord;
import org.clinlead.db.tables.records.CourseVersionRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the course catalogue and the training matrix; open to everyone signed in. */
@Component
@Transactional(readOnly = true)
public class CourseQuery {

    private final DSLContext dsl;

    CourseQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<CourseSummary> courses() {
        return summaries(DSL.noCondition());
    }

    public Optional<CourseSummary> course(long id) {
        return summaries(COURSE.ID.eq(id)).stream().findFirst();
    }

    public Optional<CourseSummary> course(String code) {
        return summaries(COURSE.CODE.eq(code)).stream().findFirst();
    }

    public Optional<CourseDetail> detail(long id) {
        return course(id).map(course -> new CourseDetail(course,
                dsl.selectFrom(COURSE_VERSION).where(COURSE_VERSION.COURSE_ID.eq(id))
                        .orderBy(COURSE_VERSION.MAJOR.desc(), COURSE_VERSION.MINOR.desc())
                        .fetch(v -> new CourseDetail.Version(v.getMajor() + "." + v.getMinor(), v.getEffectiveOn(),
                                v.getChangeSummary(), v.getCreatedBy())),
                competencies(id),
                dsl.select(JOB_ROLE.NAME).from(ROLE_COURSE).join(JOB_ROLE).on(JOB_ROLE.ID.eq(ROLE_COURSE.JOB_ROLE_ID))
                        .where(ROLE_COURSE.COURSE_ID.eq(id)).orderBy(JOB_ROLE.CAREER_LEVEL, JOB_ROLE.NAME)
                        .fetch(JOB_ROLE.NAME)));
    }

    /** "CR-CORE OPS-01 GCP and ICH E6(R3) application", named from the framework's published version. */
    private List<String> competencies(long courseId) {
        var published = FRAMEWORK_VERSION.as("published");
        return dsl.select(FRAMEWORK.CODE, COURSE_COMPETENCY.COMPETENCY_CODE, DSL.max(COMPETENCY.NAME))
                .from(COURSE_COMPETENCY)
                .join(FRAMEWORK).on(FRAMEWORK.ID.eq(COURSE_COMPETENCY.FRAMEWORK_ID))
                .leftJoin(published).on(published.FRAMEWORK_ID.eq(FRAMEWORK.ID).and(published.STATUS.eq("published")))
                .leftJoin(COMPETENCY_DOMAIN).on(COMPETENCY_DOMAIN.FRAMEWORK_VERSION_ID.eq(published.ID))
                .leftJoin(COMPETENCY).on(COMPETENCY.DOMAIN_ID.eq(COMPETENCY_DOMAIN.ID).and(COMPETENCY.CODE.eq(COURSE_COMPETENCY.COMPETENCY_CODE)))
                .where(COURSE_COMPETENCY.COURSE_ID.eq(courseId))
                .groupBy(FRAMEWORK.CODE, COURSE_COMPETENCY.COMPETENCY_CODE)
                .orderBy(FRAMEWORK.CODE, COURSE_COMPETENCY.COMPETENCY_CODE)
                .fetch(r -> r.value1() + " " + r.value2() + (r.value3() == null ? "" : " " + r.value3()));
    }

    public TrainingMatrix matrix() {
        List<TrainingMatrix.Role> roles = dsl.select(JOB_ROLE.ID, JOB_ROLE.CODE, JOB_ROLE.NAME).from(JOB_ROLE)
                .orderBy(JOB_ROLE.CAREER_LEVEL, JOB_ROLE.NAME)
                .fetch(r -> new TrainingMatrix.Role(r.value1(), r.value2(), r.value3()));
        Map<Long, Map<Long, Integer>> due = new HashMap<>();
        dsl.selectFrom(ROLE_COURSE).forEach(r ->
                due.computeIfAbsent(r.getJobRoleId(), k -> new HashMap<>()).put(r.getCourseId(), r.getDueWithinDays()));
        return new TrainingMatrix(roles, summaries(COURSE.ACTIVE.isTrue()), due);
    }

    private List<CourseSummary> summaries(Condition which) {
        List<CourseRecord> courses = dsl.selectFrom(COURSE).where(which).orderBy(COURSE.CODE).fetch();
        Map<Long, List<CourseVersionRecord>> versions = new HashMap<>();
        dsl.selectFrom(COURSE_VERSION).where(COURSE_VERSION.COURSE_ID.in(courses.stream().map(CourseRecord::getId).toList()))
                .orderBy(COURSE_VERSION.MAJOR, COURSE_VERSION.MINOR)
                .forEach(v -> versions.computeIfAbsent(v.getCourseId(), k -> new ArrayList<>()).add(v));
        LocalDate today = LocalDate.now();
        List<CourseSummary> result = new ArrayList<>();
        for (CourseRecord c : courses) {
            CourseVersionRecord current = null;
            CourseVersionRecord next = null;
            for (CourseVersionRecord v : versions.getOrDefault(c.getId(), List.of())) {
                if (!v.getEffectiveOn().isAfter(today)) {
                    current = v;
                } else if (next == null) {
                    next = v;
                }
            }
            result.add(new CourseSummary(c.getId(), c.getCode(), c.getTitle(), CourseType.of(c.getCourseType()),
                    c.getModule(), c.getProvider(), c.getDescription(), c.getDurationMinutes(), c.getValidityMonths(),
                    c.getRegulated(), c.getGcp(), Arrays.asList(c.getTopics()), c.getCost(), c.getCurrency(),
                    c.getRetrainingDays(), c.getActive(),
                    current == null ? null : current.getMajor() + "." + current.getMinor(),
                    current == null ? null : current.getEffectiveOn(),
                    next == null ? null : next.getMajor() + "." + next.getMinor(),
                    next == null ? null : next.getEffectiveOn(), c.getVersion(),
                    new RetakePolicy(c.getQuizMaxAttempts(), c.getQuizRetakeWaitHours(), c.getQuizQuestionsPerAttempt()),
                    c.getSignImported()));
        }
        return result;
    }
}
