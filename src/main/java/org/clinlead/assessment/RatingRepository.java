package org.clinlead.assessment;

import static org.clinlead.db.Tables.CYCLE_QUESTION;
import static org.clinlead.db.Tables.CYCLE_SUBJECT;
import static org.clinlead.db.Tables.RATER_ANSWER;
import static org.clinlead.db.Tables.RATER_ASSIGNMENT;
import static org.clinlead.db.Tables.RATING;

import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** A rater's answers. Database triggers refuse changes once the assignment or the cycle is closed. */
@Repository
class RatingRepository {

    private final DSLContext dsl;

    RatingRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Stores one answer; an empty answer (no score, not "not observed", no comment) removes it. */
    void saveRating(long assignmentId, long competencyId, Integer score, boolean notObserved, String comment) {
        String text = comment == null || comment.isBlank() ? null : comment.trim();
        if (score == null && !notObserved && text == null) {
            dsl.deleteFrom(RATING).where(RATING.ASSIGNMENT_ID.eq(assignmentId).and(RATING.COMPETENCY_ID.eq(competencyId))).execute();
            return;
        }
        Integer stored = notObserved ? null : score;
        dsl.insertInto(RATING)
                .set(RATING.ASSIGNMENT_ID, assignmentId)
                .set(RATING.COMPETENCY_ID, competencyId)
                .set(RATING.SCORE, stored)
                .set(RATING.NOT_OBSERVED, notObserved)
                .set(RATING.COMMENT, text)
                .onConflict(RATING.ASSIGNMENT_ID, RATING.COMPETENCY_ID).doUpdate()
                .set(RATING.SCORE, stored)
                .set(RATING.NOT_OBSERVED, notObserved)
                .set(RATING.COMMENT, text)
                .set(RATING.UPDATED_AT, OffsetDateTime.now())
                .execute();
    }

    void saveAnswer(long assignmentId, String question, String answer) {
        if (answer == null || answer.isBlank()) {
            dsl.deleteFrom(RATER_ANSWER).where(RATER_ANSWER.ASSIGNMENT_ID.eq(assignmentId).and(RATER_ANSWER.QUESTION.eq(question))).execute();
            return;
        }
        dsl.insertInto(RATER_ANSWER)
                .set(RATER_ANSWER.ASSIGNMENT_ID, assignmentId)
                .set(RATER_ANSWER.QUESTION, question)
                .set(RATER_ANSWER.ANSWER, answer.trim())
                .onConflict(RATER_ANSWER.ASSIGNMENT_ID, RATER_ANSWER.QUESTION).doUpdate()
                .set(RATER_ANSWER.ANSWER, answer.trim())
                .execute();
    }

    void touch(long assignmentId) {
        dsl.update(RATER_ASSIGNMENT)
                .set(RATER_ASSIGNMENT.STATUS, DSL.when(RATER_ASSIGNMENT.STATUS.eq("invited"), "in_progress")
                        .otherwise(RATER_ASSIGNMENT.STATUS))
                .set(RATER_ASSIGNMENT.LAST_SAVED_AT, OffsetDateTime.now())
                .where(RATER_ASSIGNMENT.ID.eq(assignmentId)).execute();
    }

    /** Questions of the assignment's questionnaire without an answer yet. */
    int unanswered(long assignmentId) {
        var questions = DSL.select(DSL.count()).from(RATER_ASSIGNMENT)
                .join(CYCLE_SUBJECT).on(CYCLE_SUBJECT.ID.eq(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID))
                .join(CYCLE_QUESTION).on(CYCLE_QUESTION.CYCLE_ID.eq(CYCLE_SUBJECT.CYCLE_ID)
                        .and(CYCLE_QUESTION.JOB_ROLE_ID.eq(CYCLE_SUBJECT.JOB_ROLE_ID)))
                .where(RATER_ASSIGNMENT.ID.eq(assignmentId));
        var answered = DSL.select(DSL.count()).from(RATING)
                .where(RATING.ASSIGNMENT_ID.eq(assignmentId)).and(RATING.SCORE.isNotNull().or(RATING.NOT_OBSERVED));
        return dsl.select(DSL.field(questions).minus(DSL.field(answered))).fetchOne(0, Integer.class);
    }

    /** Submits once: false when it was already submitted (a double click). */
    boolean submit(long assignmentId) {
        return dsl.update(RATER_ASSIGNMENT)
                .set(RATER_ASSIGNMENT.STATUS, "submitted")
                .set(RATER_ASSIGNMENT.SUBMITTED_AT, OffsetDateTime.now())
                .setNull(RATER_ASSIGNMENT.TOKEN_HASH)
                .where(RATER_ASSIGNMENT.ID.eq(assignmentId)).and(RATER_ASSIGNMENT.STATUS.in("invited", "in_progress"))
                .execute() == 1;
    }

    /** Declines once; the rater's draft answers go with the decline (they would never be counted). */
    boolean decline(long assignmentId, String reason) {
        dsl.deleteFrom(RATING).where(RATING.ASSIGNMENT_ID.eq(assignmentId)).execute();
        dsl.deleteFrom(RATER_ANSWER).where(RATER_ANSWER.ASSIGNMENT_ID.eq(assignmentId)).execute();
        return dsl.update(RATER_ASSIGNMENT)
                .set(RATER_ASSIGNMENT.STATUS, "declined")
                .set(RATER_ASSIGNMENT.DECLINE_REASON, reason)
                .setNull(RATER_ASSIGNMENT.TOKEN_HASH)
                .where(RATER_ASSIGNMENT.ID.eq(assignmentId)).and(RATER_ASSIGNMENT.STATUS.in("invited", "in_progress"))
                .execute() == 1;
    }
}
