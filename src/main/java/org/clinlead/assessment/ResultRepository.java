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
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
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

    /**
     * The raters whose answers may count: never one who could be the subject. Employees are other
     * than the subject (the database refuses anything else); an external partner counts only when
     * an approver other than the subject approved them (docs/assessment-results.md, "External
     * partners").
     */
    static final Condition COUNTED = RATER_ASSIGNMENT.RATER_GROUP.ne(RaterGroup.EXTERNAL.db())
            .or(RATER_ASSIGNMENT.APPROVED_AT.isNotNull());

    void compute(long cycleId) {
        computeGroups(cycleId);

        // Per group (the combined group for its members), then pivoted into one row per competency
        // with "all others" from the groups shown, in one pass over the ratings.
        Field<Integer> scores = DSL.count(RATING.SCORE).as("scores");
        Field<Long> total = DSL.sum(RATING.SCORE).cast(Long.class).as("total");
        Field<Boolean> shown = DSL.field(DSL.condition(RESULT_GROUP.NUMBERS_VISIBLE)
                .and(DSL.count(RATING.SCORE).ge(RESULT_GROUP.NUMBERS_THRESHOLD))).as("shown");
        var byGroup = DSL.name("by_group").as(DSL.select(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID, RATING.COMPETENCY_ID,
                        RESULT_GROUP.RATER_GROUP, scores, total, shown)
                .from(counted(RATING, RATING.ASSIGNMENT_ID))
                .where(countedIn(cycleId))
                .groupBy(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID, RATING.COMPETENCY_ID, RESULT_GROUP.RATER_GROUP,
                        RESULT_GROUP.NUMBERS_VISIBLE, RESULT_GROUP.NUMBERS_THRESHOLD));
        Field<Long> gSubject = DSL.field(DSL.name("by_group", "cycle_subject_id"), Long.class);
        Field<Long> gCompetency = DSL.field(DSL.name("by_group", "competency_id"), Long.class);
        Field<String> gGroup = DSL.field(DSL.name("by_group", "rater_group"), String.class);
        Field<Integer> gScores = DSL.field(DSL.name("by_group", "scores"), Integer.class);
        Field<Long> gTotal = DSL.field(DSL.name("by_group", "total"), Long.class);
        Condition gShown = DSL.condition(DSL.field(DSL.name("by_group", "shown"), Boolean.class));
        List<Field<?>> targets = new ArrayList<>(List.of(RESULT_SCORE.CYCLE_SUBJECT_ID, RESULT_SCORE.COMPETENCY_ID));
        List<Field<?>> columns = new ArrayList<>(List.of(gSubject, gCompetency));
        for (RaterGroup group : RaterGroup.values()) {
            Condition of = gGroup.eq(group.db());
            targets.add(scoresColumn(group));
            targets.add(meanColumn(group));
            columns.add(DSL.coalesce(DSL.sum(gScores).filterWhere(of).cast(Integer.class), 0));
            columns.add(mean(gTotal, gScores, of.and(gShown)));
        }
        Condition others = gShown.and(gGroup.ne(RaterGroup.SELF.db()));
        targets.add(RESULT_SCORE.OTHERS_SCORES);
        targets.add(RESULT_SCORE.OTHERS_MEAN);
        columns.add(DSL.coalesce(DSL.sum(gScores).filterWhere(others).cast(Integer.class), 0));
        columns.add(mean(gTotal, gScores, others));
        dsl.with(byGroup)
                .insertInto(RESULT_SCORE)
                .columns(targets)
                .select(DSL.select(columns).from(DSL.table(DSL.name("by_group"))).groupBy(gSubject, gCompetency))
                .execute();

        dsl.insertInto(RESULT_COMMENT, RESULT_COMMENT.CYCLE_SUBJECT_ID, RESULT_COMMENT.COMPETENCY_ID,
                        RESULT_COMMENT.QUESTION, RESULT_COMMENT.RATER_GROUP, RESULT_COMMENT.COMMENT)
                .select(DSL.select(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID, RATING.COMPETENCY_ID,
                                DSL.castNull(SQLDataType.CLOB), RESULT_GROUP.RATER_GROUP, RATING.COMMENT)
                        .from(counted(RATING, RATING.ASSIGNMENT_ID))
                        .where(countedIn(cycleId))
                        .and(DSL.condition(RESULT_GROUP.COMMENTS_VISIBLE))
                        .and(RATING.COMMENT.isNotNull())
                        .unionAll(DSL.select(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID, DSL.castNull(SQLDataType.BIGINT),
                                        RATER_ANSWER.QUESTION, RESULT_GROUP.RATER_GROUP, RATER_ANSWER.ANSWER)
                                .from(counted(RATER_ANSWER, RATER_ANSWER.ASSIGNMENT_ID))
                                .where(countedIn(cycleId))
                                .and(DSL.condition(RESULT_GROUP.COMMENTS_VISIBLE))))
                .execute();
    }

    /** Answers (ratings or overall answers) joined to their assignment, subject and the result group they count in. */
    private static Table<?> counted(Table<?> answers, Field<Long> assignmentId) {
        return answers.join(RATER_ASSIGNMENT).on(RATER_ASSIGNMENT.ID.eq(assignmentId))
                .join(CYCLE_SUBJECT).on(CYCLE_SUBJECT.ID.eq(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID))
                .join(RESULT_GROUP).on(resultGroupOf());
    }

    /** The {@link #counted} answers of the cycle that count: submitted, by raters who cannot be the subject. */
    private static Condition countedIn(long cycleId) {
        return CYCLE_SUBJECT.CYCLE_ID.eq(cycleId).and(RATER_ASSIGNMENT.STATUS.eq("submitted")).and(COUNTED);
    }

    /**
     * The result group an assignment's answers count in: its own, or the combined group of its
     * subject when its group is one of those combined (a combined group's members have no row).
     */
    private static Condition resultGroupOf() {
        return RESULT_GROUP.CYCLE_SUBJECT_ID.eq(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID)
                .and(RESULT_GROUP.RATER_GROUP.eq(RATER_ASSIGNMENT.RATER_GROUP)
                        .or(RESULT_GROUP.RATER_GROUP.eq(RaterGroup.COMBINED.db())
                                .and(RATER_ASSIGNMENT.RATER_GROUP.eq(DSL.any(RESULT_GROUP.COMBINES)))));
    }

    /**
     * Per subject and group: raters asked and answered, the group's thresholds and whether its
     * numbers and comments are shown. When the cycle combines small groups, a subject's anonymous
     * groups below their numbers threshold (with at least one answer) become one group, "combined",
     * if there are at least two and together they answered at least the highest of their numbers
     * thresholds; it takes the highest numbers and comments thresholds of its members, and the
     * members keep no row (no figure) of their own.
     */
    private void computeGroups(long cycleId) {
        Field<Integer> invited = DSL.count().filterWhere(RATER_ASSIGNMENT.STATUS.notIn("removed", "nominated"));
        Field<Integer> responded = DSL.count().filterWhere(RATER_ASSIGNMENT.STATUS.eq("submitted"));
        Condition small = DSL.condition(REVIEW_CYCLE.COMBINE_SMALL_GROUPS)
                .and(RATER_ASSIGNMENT.RATER_GROUP.in(RaterGroup.PEER.db(), RaterGroup.DIRECT_REPORT.db(), RaterGroup.EXTERNAL.db()))
                .and(responded.ge(1)).and(responded.lt(CYCLE_RATER_GROUP.NUMBERS_THRESHOLD));
        var groups = DSL.name("rater_groups").as(DSL.select(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID, RATER_ASSIGNMENT.RATER_GROUP,
                        invited.as("invited"), responded.as("responded"), CYCLE_RATER_GROUP.NUMBERS_THRESHOLD,
                        CYCLE_RATER_GROUP.COMMENTS_THRESHOLD, DSL.field(small).as("small"))
                .from(RATER_ASSIGNMENT)
                .join(CYCLE_SUBJECT).on(CYCLE_SUBJECT.ID.eq(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID))
                .join(REVIEW_CYCLE).on(REVIEW_CYCLE.ID.eq(CYCLE_SUBJECT.CYCLE_ID))
                .join(CYCLE_RATER_GROUP).on(CYCLE_RATER_GROUP.CYCLE_ID.eq(CYCLE_SUBJECT.CYCLE_ID)
                        .and(CYCLE_RATER_GROUP.RATER_GROUP.eq(RATER_ASSIGNMENT.RATER_GROUP)))
                .where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId)).and(COUNTED)
                .groupBy(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID, RATER_ASSIGNMENT.RATER_GROUP, CYCLE_RATER_GROUP.NUMBERS_THRESHOLD,
                        CYCLE_RATER_GROUP.COMMENTS_THRESHOLD, REVIEW_CYCLE.COMBINE_SMALL_GROUPS));
        Field<Long> subject = DSL.field(DSL.name("rater_groups", "cycle_subject_id"), Long.class);
        Field<String> group = DSL.field(DSL.name("rater_groups", "rater_group"), String.class);
        Field<Integer> gInvited = DSL.field(DSL.name("rater_groups", "invited"), Integer.class);
        Field<Integer> gResponded = DSL.field(DSL.name("rater_groups", "responded"), Integer.class);
        Field<Integer> gNumbers = DSL.field(DSL.name("rater_groups", "numbers_threshold"), Integer.class);
        Field<Integer> gComments = DSL.field(DSL.name("rater_groups", "comments_threshold"), Integer.class);
        Condition gSmall = DSL.condition(DSL.field(DSL.name("rater_groups", "small"), Boolean.class));
        var perSubject = DSL.partitionBy(subject);
        Condition combined = gSmall.and(DSL.count().filterWhere(gSmall).over(perSubject).ge(2))
                .and(DSL.sum(gResponded).filterWhere(gSmall).over(perSubject)
                        .ge(DSL.max(gNumbers).filterWhere(gSmall).over(perSubject).cast(java.math.BigDecimal.class)));
        var effective = DSL.name("effective").as(DSL.select(subject, group, gInvited, gResponded, gNumbers, gComments,
                        DSL.when(combined, DSL.inline(RaterGroup.COMBINED.db())).otherwise(group).as("result_group"))
                .from(DSL.table(DSL.name("rater_groups"))));
        Field<Long> eSubject = DSL.field(DSL.name("effective", "cycle_subject_id"), Long.class);
        Field<String> eMember = DSL.field(DSL.name("effective", "rater_group"), String.class);
        Field<String> eGroup = DSL.field(DSL.name("effective", "result_group"), String.class);
        var eResponded = DSL.sum(DSL.field(DSL.name("effective", "responded"), Integer.class));
        Field<Integer> eNumbers = DSL.max(DSL.field(DSL.name("effective", "numbers_threshold"), Integer.class));
        Field<Integer> eComments = DSL.max(DSL.field(DSL.name("effective", "comments_threshold"), Integer.class));
        dsl.with(groups).with(effective)
                .insertInto(RESULT_GROUP, RESULT_GROUP.CYCLE_SUBJECT_ID, RESULT_GROUP.RATER_GROUP, RESULT_GROUP.INVITED,
                        RESULT_GROUP.RESPONDED, RESULT_GROUP.NUMBERS_VISIBLE, RESULT_GROUP.COMMENTS_VISIBLE,
                        RESULT_GROUP.NUMBERS_THRESHOLD, RESULT_GROUP.COMBINES)
                .select(DSL.select(eSubject, eGroup,
                                DSL.sum(DSL.field(DSL.name("effective", "invited"), Integer.class)).cast(Integer.class),
                                eResponded.cast(Integer.class),
                                DSL.field(eResponded.ge(eNumbers.cast(java.math.BigDecimal.class))),
                                DSL.field(eResponded.ge(eComments.cast(java.math.BigDecimal.class))),
                                eNumbers,
                                DSL.when(eGroup.eq(RaterGroup.COMBINED.db()), DSL.arrayAgg(eMember).orderBy(eMember)))
                        .from(DSL.table(DSL.name("effective")))
                        .groupBy(eSubject, eGroup))
                .execute();
    }

    /** The result_score column with the number of scores of a group. */
    static Field<Integer> scoresColumn(RaterGroup group) {
        return switch (group) {
            case SELF -> RESULT_SCORE.SELF_SCORES;
            case MANAGER -> RESULT_SCORE.MANAGER_SCORES;
            case PEER -> RESULT_SCORE.PEER_SCORES;
            case DIRECT_REPORT -> RESULT_SCORE.DIRECT_REPORT_SCORES;
            case EXTERNAL -> RESULT_SCORE.EXTERNAL_SCORES;
            case COMBINED -> RESULT_SCORE.COMBINED_SCORES;
        };
    }

    /** The result_score column with a group's mean (null when hidden). */
    static Field<BigDecimal> meanColumn(RaterGroup group) {
        return switch (group) {
            case SELF -> RESULT_SCORE.SELF_MEAN;
            case MANAGER -> RESULT_SCORE.MANAGER_MEAN;
            case PEER -> RESULT_SCORE.PEER_MEAN;
            case DIRECT_REPORT -> RESULT_SCORE.DIRECT_REPORT_MEAN;
            case EXTERNAL -> RESULT_SCORE.EXTERNAL_MEAN;
            case COMBINED -> RESULT_SCORE.COMBINED_MEAN;
        };
    }

    /** The mean of the scores the condition picks, rounded to two decimals; null when there are none. */
    private static Field<BigDecimal> mean(Field<Long> total, Field<Integer> scores, Condition which) {
        return DSL.round(DSL.sum(total).filterWhere(which).cast(BigDecimal.class)
                .div(DSL.nullif(DSL.sum(scores).filterWhere(which), BigDecimal.ZERO)), 2);
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
     * (docs/assessment-results.md, "Current proficiency"), for the subjects whose report is released
     * to them: in a cycle that releases to the coach first, only once the coach released it.
     */
    int recordEvidence(long cycleId, String recordedBy) {
        return recordEvidence(REVIEW_CYCLE.ID.eq(cycleId).and(DSL.not(DSL.condition(REVIEW_CYCLE.RELEASE_TO_COACH_FIRST))
                .or(CYCLE_SUBJECT.RELEASED_TO_SUBJECT_AT.isNotNull())), recordedBy);
    }

    /** The evidence of one subject, when their coach releases their report to them. */
    int recordEvidenceOf(long cycleSubjectId, String recordedBy) {
        return recordEvidence(CYCLE_SUBJECT.ID.eq(cycleSubjectId), recordedBy);
    }

    private int recordEvidence(Condition which, String recordedBy) {
        return dsl.insertInto(COMPETENCY_EVIDENCE, COMPETENCY_EVIDENCE.EMPLOYEE_ID, COMPETENCY_EVIDENCE.FRAMEWORK_ID,
                        COMPETENCY_EVIDENCE.COMPETENCY_CODE, COMPETENCY_EVIDENCE.SOURCE, COMPETENCY_EVIDENCE.LEVEL,
                        COMPETENCY_EVIDENCE.OBSERVED_ON, COMPETENCY_EVIDENCE.CYCLE_SUBJECT_ID, COMPETENCY_EVIDENCE.RECORDED_BY,
                        COMPETENCY_EVIDENCE.NOTE)
                .select(DSL.select(CYCLE_SUBJECT.EMPLOYEE_ID, FRAMEWORK_VERSION.FRAMEWORK_ID, COMPETENCY.CODE,
                                DSL.val("360"), RESULT_SCORE.OTHERS_MEAN, REVIEW_CYCLE.RATING_ENDS_ON, CYCLE_SUBJECT.ID,
                                DSL.val(recordedBy), DSL.concat(DSL.val("360 "), REVIEW_CYCLE.NAME, DSL.val(", others (n="),
                                        RESULT_SCORE.OTHERS_SCORES.cast(String.class), DSL.val(")")))
                        .from(RESULT_SCORE)
                        .join(CYCLE_SUBJECT).on(CYCLE_SUBJECT.ID.eq(RESULT_SCORE.CYCLE_SUBJECT_ID))
                        .join(REVIEW_CYCLE).on(REVIEW_CYCLE.ID.eq(CYCLE_SUBJECT.CYCLE_ID))
                        .join(FRAMEWORK_VERSION).on(FRAMEWORK_VERSION.ID.eq(REVIEW_CYCLE.FRAMEWORK_VERSION_ID))
                        .join(COMPETENCY).on(COMPETENCY.ID.eq(RESULT_SCORE.COMPETENCY_ID))
                        .where(which)
                        .and(RESULT_SCORE.OTHERS_MEAN.isNotNull()))
                .execute();
    }

    static BigDecimal defaultThreshold(int levels) {
        return BigDecimal.valueOf(levels).divide(BigDecimal.valueOf(3), 2, java.math.RoundingMode.HALF_UP);
    }
}
