package org.clinlead.training;

import static org.clinlead.db.Tables.COURSE;
import static org.clinlead.db.Tables.COURSE_FEEDBACK;
import static org.clinlead.db.Tables.TRAINING_COMPLETION;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Course feedback (Kirkpatrick's reaction): what is due and what was given. */
@Repository
class CourseFeedbackRepository {

    private final DSLContext dsl;

    CourseFeedbackRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The person's complete, current records of the last year without feedback, newest first. */
    List<FeedbackDue> due(long employeeId, LocalDate since) {
        return dsl.select(TRAINING_COMPLETION.ID, COURSE.TITLE, TRAINING_COMPLETION.COMPLETED_ON)
                .from(TRAINING_COMPLETION).join(COURSE).on(COURSE.ID.eq(TRAINING_COMPLETION.COURSE_ID))
                .where(TRAINING_COMPLETION.EMPLOYEE_ID.eq(employeeId)).and(TRAINING_COMPLETION.STATUS.eq("complete"))
                .and(TRAINING_COMPLETION.SUPERSEDED_BY_ID.isNull()).and(TRAINING_COMPLETION.COMPLETED_ON.ge(since))
                .andNotExists(DSL.selectOne().from(COURSE_FEEDBACK).where(COURSE_FEEDBACK.COMPLETION_ID.eq(TRAINING_COMPLETION.ID)))
                .orderBy(TRAINING_COMPLETION.COMPLETED_ON.desc(), COURSE.TITLE)
                .fetch(r -> new FeedbackDue(r.value1(), r.value2(), r.value3()));
    }

    /** The completion's employee and course, if it is complete and current. */
    Optional<Record2<Long, Long>> completion(long completionId) {
        return dsl.select(TRAINING_COMPLETION.EMPLOYEE_ID, TRAINING_COMPLETION.COURSE_ID).from(TRAINING_COMPLETION)
                .where(TRAINING_COMPLETION.ID.eq(completionId)).and(TRAINING_COMPLETION.STATUS.eq("complete"))
                .and(TRAINING_COMPLETION.SUPERSEDED_BY_ID.isNull()).fetchOptional();
    }

    /** Inserts the feedback; false when there already is feedback on the completion. */
    boolean insert(long completionId, long employeeId, long courseId, int rating, int usefulness, String comment) {
        return dsl.insertInto(COURSE_FEEDBACK).set(COURSE_FEEDBACK.COMPLETION_ID, completionId)
                .set(COURSE_FEEDBACK.EMPLOYEE_ID, employeeId).set(COURSE_FEEDBACK.COURSE_ID, courseId)
                .set(COURSE_FEEDBACK.RATING, (short) rating).set(COURSE_FEEDBACK.USEFULNESS, (short) usefulness)
                .set(COURSE_FEEDBACK.COMMENT, comment)
                .onConflict(COURSE_FEEDBACK.COMPLETION_ID).doNothing().execute() == 1;
    }
}
