package org.clinlead.assessment;

import static org.clinlead.db.Tables.COMPETENCY;
import static org.clinlead.db.Tables.COMPETENCY_EVIDENCE;
import static org.clinlead.db.Tables.CYCLE_RATER_GROUP;
import static org.clinlead.db.Tables.CYCLE_SUBJECT;
import static org.clinlead.db.Tables.FRAMEWORK_VERSION;
import static org.clinlead.db.Tables.RATER_ANSWER;
import static org.clinlead.db.Tables.RATER_ASSIGNMENT;
import static org.clinlead.db.Tables.RATING;
import static org.clinlead.db.Tables.RESULT_COMMENT;
import static org.clinlead.db.Tables.RESULT_GROUP;
import static org.clinlead.db.Tables.RESULT_SCORE;
import static org.clinlead.db.Tables.REVIEW_CYCLE;

import java.math.BigDecimal;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/**
 * Computes a cycle's results in SQL when it closes (docs/assessment-results.md), applying the
 * anonymity rules as it stores them, so no report can show more than the rules allow:
 * <ol>
 *   <li>per subject and group: raters asked and answered; numbers are shown from the group's
 *       numbers threshold, comments from its comments threshold (self and manager: 1);</li>
 *   <li>per subject, competency and group: the mean of the scores, kept only when the group's
 *       numbers are shown and at least the threshold of raters scored that competency ("not
 *       observed" is no score);</li>
 *   <li>"all others": the mean of every score from the groups other than self that are shown for
 *       that competency, so a hidden group can never be worked out from the others;</li>
 *   <li>comments from groups whose comments are shown, in an order unrelated to who wrote them.</li>
 * </ol>
 */
@Repository
class ResultRepository {

    private final DSLContext dsl;

    ResultRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void compute(long cycleId) {
        var submitted = DSL.count().filterWhere(RATER_ASSIGNMENT.STATUS.eq("submitted"));
        dsl.insertInto(RESULT_GROUP, RESULT_GROUP.CYCLE_SUBJECT_ID, RESULT_GROUP.RATER_GROUP, RESULT_GROUP.INVITED,
                        RESULT_GROUP.RESPONDED, RESULT_GROUP.NUMBERS_VISIBLE, RESULT_GROUP.COMMENTS_VISIBLE)
                .select(DSL.select(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID, RATER_ASSIGNMENT.RATER_GROUP,
                                DSL.count().filterWhere(RATER_ASSIGNMENT.STATUS.notIn("removed", "nominated")),
                                submitted,
                                submitted.ge(CYCLE_RATER_GROUP.NUMBERS_THRESHOLD),
                                submitted.ge(CYCLE_RATER_GROUP.COMMENTS_THRESHOLD))
                        .from(RATER_ASSIGNMENT)
                        .join(CYCLE_SUBJECT).on(CYCLE_SUBJECT.ID.eq(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID))
                        .join(CYCLE_RATER_GROUP).on(CYCLE_RATER_GROUP.CYCLE_ID.eq(CYCLE_SUBJECT.CYCLE_ID)
                                .and(CYCLE_RATER_GROUP.RATER_GROUP.eq(RATER_ASSIGNMENT.RATER_GROUP)))
                        .where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId))
                        .groupBy(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID, RATER_ASSIGNMENT.RATER_GROUP,
                                CYCLE_RATER_GROUP.NUMBERS_THRESHOLD, CYCLE_RATER_GROUP.COMMENTS_THRESHOLD))
                .execute();

        Field<Integer> scores = DSL.count(RATING.SCORE);
        Condition shown = DSL.condition(RESULT_GROUP.NUMBERS_VISIBLE).and(scores.ge(CYCLE_RATER_GROUP.NUMBERS_THRESHOLD));
        dsl.insertInto(RESULT_SCORE, RESULT_SCORE.CYCLE_SUBJECT_ID, RESULT_SCORE.COMPETENCY_ID, RESULT_SCORE.RATER_GROUP,
                        RESULT_SCORE.SCORES, RESULT_SCORE.MEAN, RESULT_SCORE.VISIBLE)
                .select(DSL.select(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID, RATING.COMPETENCY_ID, RATER_ASSIGNMENT.RATER_GROUP,
                                scores,
                                DSL.when(shown, DSL.round(DSL.avg(RATING.SCORE), 2)),
                                DSL.field(shown))
                        .from(RATING)
                        .join(RATER_ASSIGNMENT).on(RATER_ASSIGNMENT.ID.eq(RATING.ASSIGNMENT_ID))
                        .join(CYCLE_SUBJECT).on(CYCLE_SUBJECT.ID.eq(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID))
                        .join(CYCLE_RATER_GROUP).on(CYCLE_RATER_GROUP.CYCLE_ID.eq(CYCLE_SUBJECT.CYCLE_ID)
                                .and(CYCLE_RATER_GROUP.RATER_GROUP.eq(RATER_ASSIGNMENT.RATER_GROUP)))
                        .join(RESULT_GROUP).on(RESULT_GROUP.CYCLE_SUBJECT_ID.eq(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID)
                                .and(RESULT_GROUP.RATER_GROUP.eq(RATER_ASSIGNMENT.RATER_GROUP)))
                        .where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId))
                        .and(RATER_ASSIGNMENT.STATUS.eq("submitted"))
                        .groupBy(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID, RATING.COMPETENCY_ID, RATER_ASSIGNMENT.RATER_GROUP,
                                RESULT_GROUP.NUMBERS_VISIBLE, CYCLE_RATER_GROUP.NUMBERS_THRESHOLD))
                .execute();

        var visible = RESULT_SCORE.as("visible_group");
        dsl.insertInto(RESULT_SCORE, RESULT_SCORE.CYCLE_SUBJECT_ID, RESULT_SCORE.COMPETENCY_ID, RESULT_SCORE.RATER_GROUP,
                        RESULT_SCORE.SCORES, RESULT_SCORE.MEAN, RESULT_SCORE.VISIBLE)
                .select(DSL.select(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID, RATING.COMPETENCY_ID, DSL.val("others"),
                                DSL.count(RATING.SCORE), DSL.round(DSL.avg(RATING.SCORE), 2), DSL.inline(true))
                        .from(RATING)
                        .join(RATER_ASSIGNMENT).on(RATER_ASSIGNMENT.ID.eq(RATING.ASSIGNMENT_ID))
                        .join(CYCLE_SUBJECT).on(CYCLE_SUBJECT.ID.eq(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID))
                        .join(visible).on(visible.CYCLE_SUBJECT_ID.eq(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID)
                                .and(visible.COMPETENCY_ID.eq(RATING.COMPETENCY_ID))
                                .and(visible.RATER_GROUP.eq(RATER_ASSIGNMENT.RATER_GROUP))
                                .and(DSL.condition(visible.VISIBLE)))
                        .where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId))
                        .and(RATER_ASSIGNMENT.STATUS.eq("submitted"))
                        .and(RATER_ASSIGNMENT.RATER_GROUP.ne(RaterGroup.SELF.db()))
                        .and(RATING.SCORE.isNotNull())
                        .groupBy(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID, RATING.COMPETENCY_ID))
                .execute();

        dsl.insertInto(RESULT_COMMENT, RESULT_COMMENT.CYCLE_SUBJECT_ID, RESULT_COMMENT.COMPETENCY_ID,
                        RESULT_COMMENT.QUESTION, RESULT_COMMENT.RATER_GROUP, RESULT_COMMENT.COMMENT)
                .select(DSL.select(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID, RATING.COMPETENCY_ID,
                                DSL.castNull(SQLDataType.CLOB), RATER_ASSIGNMENT.RATER_GROUP, RATING.COMMENT)
                        .from(RATING)
                        .join(RATER_ASSIGNMENT).on(RATER_ASSIGNMENT.ID.eq(RATING.ASSIGNMENT_ID))
                        .join(CYCLE_SUBJECT).on(CYCLE_SUBJECT.ID.eq(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID))
                        .join(RESULT_GROUP).on(RESULT_GROUP.CYCLE_SUBJECT_ID.eq(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID)
                                .and(RESULT_GROUP.RATER_GROUP.eq(RATER_ASSIGNMENT.RATER_GROUP)))
                        .where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId))
                        .and(RATER_ASSIGNMENT.STATUS.eq("submitted"))
                        .and(DSL.condition(RESULT_GROUP.COMMENTS_VISIBLE))
                        .and(RATING.COMMENT.isNotNull())
                        .unionAll(DSL.select(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID, DSL.castNull(SQLDataType.BIGINT),
                                        RATER_ANSWER.QUESTION, RATER_ASSIGNMENT.RATER_GROUP, RATER_ANSWER.ANSWER)
                                .from(RATER_ANSWER)
                                .join(RATER_ASSIGNMENT).on(RATER_ASSIGNMENT.ID.eq(RATER_ANSWER.ASSIGNMENT_ID))
                                .join(CYCLE_SUBJECT).on(CYCLE_SUBJECT.ID.eq(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID))
                                .join(RESULT_GROUP).on(RESULT_GROUP.CYCLE_SUBJECT_ID.eq(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID)
                                        .and(RESULT_GROUP.RATER_GROUP.eq(RATER_ASSIGNMENT.RATER_GROUP)))
                                .where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId))
                                .and(RATER_ASSIGNMENT.STATUS.eq("submitted"))
                                .and(DSL.condition(RESULT_GROUP.COMMENTS_VISIBLE))))
                .execute();
    }

    /** Removes computed results (reopening a closed, unreleased cycle). */
    void delete(long cycleId) {
        var subjects = DSL.select(CYCLE_SUBJECT.ID).from(CYCLE_SUBJECT).where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId));
        dsl.deleteFrom(RESULT_COMMENT).where(RESULT_COMMENT.CYCLE_SUBJECT_ID.in(subjects)).execute();
        dsl.deleteFrom(RESULT_SCORE).where(RESULT_SCORE.CYCLE_SUBJECT_ID.in(subjects)).execute();
        dsl.deleteFrom(RESULT_GROUP).where(RESULT_GROUP.CYCLE_SUBJECT_ID.in(subjects)).execute();
    }

    /**
     * At release, each shown "all others" mean becomes evidence of the subject's proficiency
     * (docs/assessment-results.md, "Current proficiency").
     */
    int recordEvidence(long cycleId, String recordedBy) {
        return dsl.insertInto(COMPETENCY_EVIDENCE, COMPETENCY_EVIDENCE.EMPLOYEE_ID, COMPETENCY_EVIDENCE.FRAMEWORK_ID,
                        COMPETENCY_EVIDENCE.COMPETENCY_CODE, COMPETENCY_EVIDENCE.SOURCE, COMPETENCY_EVIDENCE.LEVEL,
                        COMPETENCY_EVIDENCE.OBSERVED_ON, COMPETENCY_EVIDENCE.CYCLE_SUBJECT_ID, COMPETENCY_EVIDENCE.RECORDED_BY,
                        COMPETENCY_EVIDENCE.NOTE)
                .select(DSL.select(CYCLE_SUBJECT.EMPLOYEE_ID, FRAMEWORK_VERSION.FRAMEWORK_ID, COMPETENCY.CODE,
                                DSL.val("360"), RESULT_SCORE.MEAN, REVIEW_CYCLE.RATING_ENDS_ON, CYCLE_SUBJECT.ID,
                                DSL.val(recordedBy), DSL.concat(DSL.val("360 "), REVIEW_CYCLE.NAME, DSL.val(", others (n="),
                                        RESULT_SCORE.SCORES.cast(String.class), DSL.val(")")))
                        .from(RESULT_SCORE)
                        .join(CYCLE_SUBJECT).on(CYCLE_SUBJECT.ID.eq(RESULT_SCORE.CYCLE_SUBJECT_ID))
                        .join(REVIEW_CYCLE).on(REVIEW_CYCLE.ID.eq(CYCLE_SUBJECT.CYCLE_ID))
                        .join(FRAMEWORK_VERSION).on(FRAMEWORK_VERSION.ID.eq(REVIEW_CYCLE.FRAMEWORK_VERSION_ID))
                        .join(COMPETENCY).on(COMPETENCY.ID.eq(RESULT_SCORE.COMPETENCY_ID))
                        .where(REVIEW_CYCLE.ID.eq(cycleId))
                        .and(RESULT_SCORE.RATER_GROUP.eq("others"))
                        .and(DSL.condition(RESULT_SCORE.VISIBLE)))
                .execute();
    }

    static BigDecimal defaultThreshold(int levels) {
        return BigDecimal.valueOf(levels).divide(BigDecimal.valueOf(3), 2, java.math.RoundingMode.HALF_UP);
    }
}
