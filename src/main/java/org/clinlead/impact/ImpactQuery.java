package org.clinlead.impact;

import static org.clinlead.db.Tables.COACHING_SESSION;
import static org.clinlead.db.Tables.COMPETENCY_EVIDENCE;
import static org.clinlead.db.Tables.COURSE;
import static org.clinlead.db.Tables.COURSE_FEEDBACK;
import static org.clinlead.db.Tables.CYCLE_SUBJECT;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.FRAMEWORK;
import static org.clinlead.db.Tables.KPI;
import static org.clinlead.db.Tables.KPI_OBSERVATION;
import static org.clinlead.db.Tables.PROGRAMME;
import static org.clinlead.db.Tables.PROGRAMME_COMPETENCY;
import static org.clinlead.db.Tables.PROGRAMME_COURSE;
import static org.clinlead.db.Tables.PROGRAMME_KPI;
import static org.clinlead.db.Tables.PROGRAMME_PARTICIPANT;
import static org.clinlead.db.Tables.QUIZ_ATTEMPT;
import static org.clinlead.db.Tables.RESULT_SCORE;
import static org.clinlead.db.Tables.REVIEW_CYCLE;
import static org.clinlead.db.Tables.SESSION_PARTICIPANT;
import static org.clinlead.db.Tables.TRAINING_COMPLETION;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.DataScope;
import org.clinlead.db.tables.records.ProgrammeRecord;
import org.clinlead.kpi.Kpi;
import org.clinlead.kpi.KpiQuery;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The impact analyses (docs/impact.md), each one SQL statement over the reader's part of the
 * organisation: only participants and comparison people the reader may see take part, and every
 * group figure needs at least three people. Periods are months; a person's start month is the
 * month of the day they joined (named participants), completed the course, or the 360 was released.
 */
@Component
@Transactional(readOnly = true)
public class ImpactQuery {

    private static final Field<Long> EMPLOYEE_ID = DSL.field(DSL.name("employee_id"), Long.class);
    private static final Field<LocalDate> ANCHOR = DSL.field(DSL.name("anchor"), LocalDate.class);
    private static final Field<Long> JOB_ROLE_ID = DSL.field(DSL.name("job_role_id"), Long.class);
    private static final Field<Long> ORG_UNIT_ID = DSL.field(DSL.name("org_unit_id"), Long.class);
    private static final Field<Boolean> PARTICIPANT = DSL.field(DSL.name("participant"), Boolean.class);

    private final DSLContext dsl;
    private final DataScope scope;
    private final KpiQuery kpis;

    ImpactQuery(DSLContext dsl, DataScope scope, KpiQuery kpis) {
        this.dsl = dsl;
        this.scope = scope;
        this.kpis = kpis;
    }

    public List<Programme> programmes() {
        return dsl.selectFrom(PROGRAMME).orderBy(PROGRAMME.STARTS_ON.desc(), PROGRAMME.NAME).fetch(ImpactQuery::programme);
    }

    public Optional<Programme> programme(long id) {
        return dsl.selectFrom(PROGRAMME).where(PROGRAMME.ID.eq(id)).fetchOptional(ImpactQuery::programme);
    }

    public Optional<Programme> programme(String code) {
        return dsl.selectFrom(PROGRAMME).where(PROGRAMME.CODE.eq(code)).fetchOptional(ImpactQuery::programme);
    }

    static Programme programme(ProgrammeRecord r) {
        return new Programme(r.getId(), r.getCode(), r.getName(), r.getDescription(), ProgrammeKind.of(r.getKind()).orElseThrow(),
                r.getCourseId(), r.getCycleId(), r.getStartsOn(), r.getEndsOn(), r.getFixedCost(), r.getCostPerParticipant(),
                r.getCurrency(), r.getVersion());
    }

    /** The KPIs the programme should move, person-level first (only those are analysed per participant). */
    public List<Kpi> kpis(Programme programme) {
        List<String> codes = dsl.select(KPI.CODE).from(PROGRAMME_KPI).join(KPI).on(KPI.ID.eq(PROGRAMME_KPI.KPI_ID))
                .where(PROGRAMME_KPI.PROGRAMME_ID.eq(programme.id())).orderBy(KPI.SORT_ORDER, KPI.NAME).fetch(KPI.CODE);
        return codes.stream().map(kpis::byCode).flatMap(Optional::stream).toList();
    }

    /** The programme's courses: those listed, and a course programme's own course. */
    public List<String> courseTitles(Programme programme) {
        return dsl.select(COURSE.TITLE).from(COURSE).where(COURSE.ID.in(courseIds(programme))).orderBy(COURSE.TITLE).fetch(COURSE.TITLE);
    }

    /** The programme's competencies as FRAMEWORK:CODE. */
    public List<String> competencies(Programme programme) {
        return dsl.select(FRAMEWORK.CODE, PROGRAMME_COMPETENCY.COMPETENCY_CODE).from(PROGRAMME_COMPETENCY)
                .join(FRAMEWORK).on(FRAMEWORK.ID.eq(PROGRAMME_COMPETENCY.FRAMEWORK_ID))
                .where(PROGRAMME_COMPETENCY.PROGRAMME_ID.eq(programme.id()))
                .orderBy(FRAMEWORK.CODE, PROGRAMME_COMPETENCY.COMPETENCY_CODE)
                .fetch(r -> r.value1() + ":" + r.value2());
    }

    /** The released 360 cycles, newest first, for the correlation page. */
    public List<ReleasedCycle> releasedCycles() {
        return dsl.select(REVIEW_CYCLE.ID, REVIEW_CYCLE.NAME).from(REVIEW_CYCLE).where(REVIEW_CYCLE.STATUS.eq("released"))
                .orderBy(REVIEW_CYCLE.RATING_ENDS_ON.desc()).fetch(org.jooq.Records.mapping(ReleasedCycle::new));
    }

    /** The competency codes a released cycle rated, for choosing one on the correlation page. */
    public List<String> cycleCompetencies(long cycleId) {
        return dsl.selectDistinct(COMPETENCY_EVIDENCE.COMPETENCY_CODE).from(COMPETENCY_EVIDENCE)
                .join(CYCLE_SUBJECT).on(CYCLE_SUBJECT.ID.eq(COMPETENCY_EVIDENCE.CYCLE_SUBJECT_ID))
                .where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId)).orderBy(COMPETENCY_EVIDENCE.COMPETENCY_CODE)
                .fetch(COMPETENCY_EVIDENCE.COMPETENCY_CODE);
    }

    // ---------------------------------------------------------------------------------------------
    // participants

    /** Every participant of the programme (employee_id, anchor = their start month), regardless of scope. */
    Select<Record2<Long, LocalDate>> participants(Programme programme) {
        return switch (programme.kind()) {
            case COACHING, ROTATION -> DSL.select(PROGRAMME_PARTICIPANT.EMPLOYEE_ID.as(EMPLOYEE_ID),
                            month(PROGRAMME_PARTICIPANT.JOINED_ON).as(ANCHOR))
                    .from(PROGRAMME_PARTICIPANT).where(PROGRAMME_PARTICIPANT.PROGRAMME_ID.eq(programme.id()));
            case COURSE -> DSL.select(TRAINING_COMPLETION.EMPLOYEE_ID.as(EMPLOYEE_ID), month(DSL.min(TRAINING_COMPLETION.COMPLETED_ON)).as(ANCHOR))
                    .from(TRAINING_COMPLETION)
                    .where(TRAINING_COMPLETION.COURSE_ID.eq(programme.courseId()))
                    .and(TRAINING_COMPLETION.STATUS.eq("complete")).and(TRAINING_COMPLETION.SUPERSEDED_BY_ID.isNull())
                    .and(TRAINING_COMPLETION.COMPLETED_ON.between(programme.startsOn(), end(programme)))
                    .groupBy(TRAINING_COMPLETION.EMPLOYEE_ID);
            case CYCLE_FOLLOW_UP -> DSL.select(CYCLE_SUBJECT.EMPLOYEE_ID.as(EMPLOYEE_ID),
                            month(REVIEW_CYCLE.RELEASED_AT.cast(SQLDataType.LOCALDATE)).as(ANCHOR))
                    .from(CYCLE_SUBJECT).join(REVIEW_CYCLE).on(REVIEW_CYCLE.ID.eq(CYCLE_SUBJECT.CYCLE_ID))
                    .where(REVIEW_CYCLE.ID.eq(programme.cycleId())).and(REVIEW_CYCLE.STATUS.eq("released"))
                    .andExists(DSL.selectOne().from(RESULT_SCORE).where(RESULT_SCORE.CYCLE_SUBJECT_ID.eq(CYCLE_SUBJECT.ID)));
        };
    }

    private static LocalDate end(Programme programme) {
        return programme.endsOn() == null ? LocalDate.now() : programme.endsOn();
    }

    private static Field<LocalDate> month(Field<LocalDate> day) {
        return DSL.trunc(day, DatePart.MONTH).cast(SQLDataType.LOCALDATE);
    }

    private static Field<LocalDate> plusMonths(Field<LocalDate> day, int months) {
        return DSL.localDateAdd(day, months, DatePart.MONTH).cast(SQLDataType.LOCALDATE);
    }

    /** How many participants the reader may see. */
    public int participantCount(CurrentUser user, Programme programme) {
        var all = participants(programme).asTable("all_participants");
        return dsl.fetchCount(DSL.select(all.field(EMPLOYEE_ID)).from(all).where(scope.employees(user, all.field(EMPLOYEE_ID))));
    }

    /**
     * Participants the reader may see (employee_id, anchor, job_role_id, org_unit_id, participant =
     * true) and their comparison people (participant = false), each comparison person anchored at the
     * median start of the participants of their stratum.
     */
    private CommonTableExpression<?> groups(CurrentUser user, Programme programme, Comparison comparison) {
        var all = participants(programme).asTable("all_participants");
        var part = DSL.name("part").as(DSL.select(EMPLOYEE.ID.as(EMPLOYEE_ID), all.field(ANCHOR).as(ANCHOR),
                        EMPLOYEE.JOB_ROLE_ID.as(JOB_ROLE_ID), EMPLOYEE.ORG_UNIT_ID.as(ORG_UNIT_ID))
                .from(all).join(EMPLOYEE).on(EMPLOYEE.ID.eq(all.field(EMPLOYEE_ID)))
                .where(scope.employees(user, EMPLOYEE.ID)));
        boolean byUnit = comparison == Comparison.SAME_ROLE_AND_UNIT;
        var strata = DSL.name("strata").as(DSL.select(part.field(JOB_ROLE_ID).as(JOB_ROLE_ID),
                        (byUnit ? part.field(ORG_UNIT_ID) : DSL.inline((Long) null)).as(ORG_UNIT_ID),
                        DSL.percentileDisc(0.5).withinGroupOrderBy(part.field(ANCHOR)).coerce(SQLDataType.LOCALDATE).as(ANCHOR))
                .from(part)
                .groupBy(byUnit ? List.of(part.field(JOB_ROLE_ID), part.field(ORG_UNIT_ID)) : List.of(part.field(JOB_ROLE_ID))));
        var everyone = participants(programme).asTable("every_participant");
        Condition sameStratum = EMPLOYEE.JOB_ROLE_ID.eq(strata.field(JOB_ROLE_ID));
        if (byUnit) {
            sameStratum = sameStratum.and(EMPLOYEE.ORG_UNIT_ID.eq(strata.field(ORG_UNIT_ID)));
        }
        return DSL.name("grp").as(DSL.with(part).with(strata)
                .select(part.field(EMPLOYEE_ID), part.field(ANCHOR), DSL.inline(true).as(PARTICIPANT)).from(part)
                .unionAll(DSL.select(EMPLOYEE.ID.as(EMPLOYEE_ID), strata.field(ANCHOR), DSL.inline(false).as(PARTICIPANT))
                        .from(strata).join(EMPLOYEE).on(sameStratum)
                        .where(scope.employees(user, EMPLOYEE.ID))
                        .andNotExists(DSL.selectOne().from(everyone).where(everyone.field(EMPLOYEE_ID).eq(EMPLOYEE.ID)))));
    }

    // ---------------------------------------------------------------------------------------------
    // difference in differences

    /**
     * A person-level KPI over the {@code windowMonths} months before each person's start month and
     * the {@code windowMonths} months from it, participants against the comparison group.
     */
    public DifferenceInDifferences differenceInDifferences(CurrentUser user, Programme programme, Kpi kpi, Comparison comparison,
                                                           int windowMonths) {
        requirePersonLevel(kpi);
        var grp = groups(user, programme, comparison);
        Field<LocalDate> anchor = grp.field(ANCHOR);
        Condition before = KPI_OBSERVATION.PERIOD.lt(anchor);
        Field<Double> beforeValue = personValue(kpi, before).as("before");
        Field<Double> afterValue = personValue(kpi, before.not()).as("after");
        var perPerson = DSL.select(grp.field(PARTICIPANT), grp.field(EMPLOYEE_ID), beforeValue, afterValue)
                .from(grp)
                .join(KPI_OBSERVATION).on(KPI_OBSERVATION.KPI_ID.eq(kpi.id()))
                .and(KPI_OBSERVATION.SUBJECT_ID.eq(grp.field(EMPLOYEE_ID)))
                .and(KPI_OBSERVATION.PERIOD.ge(plusMonths(anchor, -windowMonths)))
                .and(KPI_OBSERVATION.PERIOD.lt(plusMonths(anchor, windowMonths)))
                .groupBy(grp.field(PARTICIPANT), grp.field(EMPLOYEE_ID))
                .asTable("per_person");
        Field<Double> b = perPerson.field("before", Double.class);
        Field<Double> a = perPerson.field("after", Double.class);
        Field<Double> change = a.minus(b);
        var rows = dsl.with(grp)
                .select(perPerson.field(PARTICIPANT), DSL.count(), DSL.avg(b).cast(Double.class), DSL.avg(a).cast(Double.class),
                        DSL.avg(change).cast(Double.class), DSL.varSamp(change).cast(Double.class))
                .from(perPerson)
                .where(b.isNotNull()).and(a.isNotNull())
                .groupBy(perPerson.field(PARTICIPANT))
                .fetch();
        DifferenceInDifferences.Group participants = DifferenceInDifferences.Group.empty();
        DifferenceInDifferences.Group others = DifferenceInDifferences.Group.empty();
        for (var r : rows) {
            var group = new DifferenceInDifferences.Group(r.value2(), r.value3(), r.value4(), r.value5(),
                    r.value6() == null ? 0 : r.value6());
            if (r.value1()) {
                participants = group;
            } else {
                others = group;
            }
        }
        return DifferenceInDifferences.of(kpi, comparison, windowMonths, participants, others);
    }

    /**
     * The KPI's mean per month relative to each person's start, for participants and the
     * comparison group, over the analysis window (the chart beside a difference in differences).
     */
    public GroupTrend groupTrend(CurrentUser user, Programme programme, Kpi kpi, Comparison comparison, int windowMonths) {
        requirePersonLevel(kpi);
        var grp = groups(user, programme, comparison);
        Field<LocalDate> anchor = grp.field(ANCHOR);
        Field<Integer> fromStart = DSL.extract(KPI_OBSERVATION.PERIOD, DatePart.YEAR).minus(DSL.extract(anchor, DatePart.YEAR)).mul(DSL.inline(12))
                .plus(DSL.extract(KPI_OBSERVATION.PERIOD, DatePart.MONTH)).minus(DSL.extract(anchor, DatePart.MONTH));
        Condition participant = grp.field(PARTICIPANT).isTrue();
        Condition other = grp.field(PARTICIPANT).isFalse();
        List<GroupTrend.Month> months = dsl.with(grp)
                .select(fromStart, personValue(kpi, participant), DSL.countDistinct(grp.field(EMPLOYEE_ID)).filterWhere(participant),
                        personValue(kpi, other), DSL.countDistinct(grp.field(EMPLOYEE_ID)).filterWhere(other))
                .from(grp)
                .join(KPI_OBSERVATION).on(KPI_OBSERVATION.KPI_ID.eq(kpi.id()))
                .and(KPI_OBSERVATION.SUBJECT_ID.eq(grp.field(EMPLOYEE_ID)))
                .and(KPI_OBSERVATION.PERIOD.ge(plusMonths(anchor, -windowMonths)))
                .and(KPI_OBSERVATION.PERIOD.lt(plusMonths(anchor, windowMonths)))
                .groupBy(fromStart)
                .orderBy(fromStart)
                .fetch(r -> new GroupTrend.Month(r.value1(), r.value3() < DifferenceInDifferences.MIN_GROUP ? null : r.value2(), r.value3(),
                        r.value5() < DifferenceInDifferences.MIN_GROUP ? null : r.value4(), r.value5()));
        return new GroupTrend(months);
    }

    private static void requirePersonLevel(Kpi kpi) {
        if (kpi.level() != org.clinlead.kpi.KpiLevel.PERSON) {
            throw new IllegalArgumentException(kpi.code() + " is measured per " + kpi.level().label()
                    + ", not per person, so it cannot be followed for participants.");
        }
    }

    /** A person's figure over the observations matching {@code when}: the mean value, or their own rate. */
    private static Field<Double> personValue(Kpi kpi, Condition when) {
        return switch (kpi.aggregation()) {
            case MEAN, SUM -> DSL.avg(KPI_OBSERVATION.VALUE).filterWhere(when).cast(Double.class);
            case RATE -> DSL.sum(KPI_OBSERVATION.NUMERATOR).filterWhere(when).mul(DSL.inline(kpi.rateScale()))
                    .div(DSL.nullif(DSL.sum(KPI_OBSERVATION.DENOMINATOR).filterWhere(when), DSL.inline(BigDecimal.ZERO)))
                    .cast(Double.class);
        };
    }

    // ---------------------------------------------------------------------------------------------
    // competency change against KPI change

    /**
     * For the subjects of a released cycle the reader may see who were rated in an earlier released
     * cycle (their previous 360: the last one before this): x = the mean change of their "others"
     * level over the competencies both rated (one competency, or all, when {@code competencyCode} is
     * null), y = the change of the KPI's mean over the {@code windowMonths} months up to each 360's
     * end of rating.
     */
    public CompetencyKpiCorrelation correlation(CurrentUser user, long cycleId, String competencyCode, Kpi kpi, int windowMonths) {
        requirePersonLevel(kpi);
        // each subject's previous 360: the last released cycle before this one that rated them (one look-up per person)
        var previous = CYCLE_SUBJECT.as("previous");
        var previousCycle = REVIEW_CYCLE.as("previous_cycle");
        Field<Long> postSubject = DSL.field(DSL.name("post_subject"), Long.class);
        Field<Long> preSubject = DSL.field(DSL.name("pre_subject"), Long.class);
        var earlier = DSL.lateral(DSL.select(previous.ID).from(previous)
                .join(previousCycle).on(previousCycle.ID.eq(previous.CYCLE_ID)).and(previousCycle.STATUS.eq("released"))
                .where(previous.EMPLOYEE_ID.eq(CYCLE_SUBJECT.EMPLOYEE_ID))
                .and(previousCycle.RATING_ENDS_ON.lt(REVIEW_CYCLE.RATING_ENDS_ON))
                .orderBy(previousCycle.RATING_ENDS_ON.desc()).limit(1)).as("earlier");
        var subjects = DSL.name("subjects").as(DSL.select(CYCLE_SUBJECT.ID.as(postSubject), CYCLE_SUBJECT.EMPLOYEE_ID.as(EMPLOYEE_ID),
                        earlier.field(previous.ID).as(preSubject))
                .from(CYCLE_SUBJECT).join(REVIEW_CYCLE).on(REVIEW_CYCLE.ID.eq(CYCLE_SUBJECT.CYCLE_ID))
                .crossJoin(earlier)
                .where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId)).and(scope.employees(user, CYCLE_SUBJECT.EMPLOYEE_ID)));
        var pre = COMPETENCY_EVIDENCE.as("pre");
        var post = COMPETENCY_EVIDENCE.as("post");
        Field<LocalDate> preOn = DSL.field(DSL.name("pre_on"), LocalDate.class);
        Field<LocalDate> postOn = DSL.field(DSL.name("post_on"), LocalDate.class);
        Field<Double> x = DSL.field(DSL.name("x"), Double.class);
        var changes = DSL.name("changes").as(DSL.select(subjects.field(EMPLOYEE_ID),
                        month(DSL.max(pre.OBSERVED_ON)).as(preOn), month(DSL.max(post.OBSERVED_ON)).as(postOn),
                        DSL.avg(post.LEVEL.minus(pre.LEVEL)).cast(Double.class).as(x))
                .from(subjects)
                .join(post).on(post.CYCLE_SUBJECT_ID.eq(subjects.field(postSubject))).and(post.SOURCE.eq("360"))
                .join(pre).on(pre.CYCLE_SUBJECT_ID.eq(subjects.field(preSubject))).and(pre.SOURCE.eq("360"))
                .and(pre.FRAMEWORK_ID.eq(post.FRAMEWORK_ID)).and(pre.COMPETENCY_CODE.eq(post.COMPETENCY_CODE))
                .where(competencyCode == null ? DSL.noCondition() : post.COMPETENCY_CODE.eq(competencyCode))
                .groupBy(subjects.field(EMPLOYEE_ID)));
        Condition beforePre = KPI_OBSERVATION.PERIOD.ge(plusMonths(changes.field(preOn), -windowMonths))
                .and(KPI_OBSERVATION.PERIOD.lt(changes.field(preOn)));
        Condition beforePost = KPI_OBSERVATION.PERIOD.ge(plusMonths(changes.field(postOn), -windowMonths))
                .and(KPI_OBSERVATION.PERIOD.lt(changes.field(postOn)));
        Field<Double> y = personValue(kpi, beforePost).minus(personValue(kpi, beforePre)).as("y");
        var pairs = DSL.select(changes.field(EMPLOYEE_ID), changes.field(x), y)
                .from(changes)
                .join(KPI_OBSERVATION).on(KPI_OBSERVATION.KPI_ID.eq(kpi.id()))
                .and(KPI_OBSERVATION.SUBJECT_ID.eq(changes.field(EMPLOYEE_ID)))
                .and(beforePre.or(beforePost))
                .groupBy(changes.field(EMPLOYEE_ID), changes.field(x))
                .asTable("pairs");
        Field<Double> px = pairs.field(x);
        Field<Double> py = pairs.field("y", Double.class);
        var rows = dsl.with(subjects).with(changes)
                .select(px, py,
                        DSL.corr(py, px).over().cast(Double.class), DSL.regrSlope(py, px).over().cast(Double.class),
                        DSL.regrIntercept(py, px).over().cast(Double.class), DSL.regrR2(py, px).over().cast(Double.class),
                        DSL.regrCount(py, px).over().cast(Long.class), DSL.regrAvgX(py, px).over().cast(Double.class),
                        DSL.regrAvgY(py, px).over().cast(Double.class))
                .from(pairs)
                .where(px.isNotNull()).and(py.isNotNull())
                .orderBy(px, py)
                .fetch();
        if (rows.size() < DifferenceInDifferences.MIN_GROUP) {
            return new CompetencyKpiCorrelation(kpi, competencyCode, windowMonths, rows.size(), null, null, null, null, null, null,
                    null, List.of());
        }
        var first = rows.getFirst();
        List<CompetencyKpiCorrelation.Point> points = new ArrayList<>();
        rows.forEach(r -> points.add(new CompetencyKpiCorrelation.Point(r.value1(), r.value2())));
        Double r = first.value3();
        long n = first.value7();
        return new CompetencyKpiCorrelation(kpi, competencyCode, windowMonths, n, r, first.value4(), first.value5(), first.value6(),
                first.value8(), first.value9(), r == null ? null : Statistics.correlationInterval(r, n), points);
    }

    // ---------------------------------------------------------------------------------------------
    // Kirkpatrick levels and costs

    private static Select<org.jooq.Record1<Long>> courseIds(Programme programme) {
        var listed = DSL.select(PROGRAMME_COURSE.COURSE_ID).from(PROGRAMME_COURSE).where(PROGRAMME_COURSE.PROGRAMME_ID.eq(programme.id()));
        return programme.courseId() == null ? listed : listed.union(DSL.select(DSL.inline(programme.courseId())));
    }

    /** The ids of the participants the reader may see. */
    private Select<org.jooq.Record1<Long>> visibleParticipants(CurrentUser user, Programme programme) {
        var all = participants(programme).asTable("visible_participants");
        return DSL.select(all.field(EMPLOYEE_ID)).from(all).where(scope.employees(user, all.field(EMPLOYEE_ID)));
    }

    /** The programme across Kirkpatrick's levels for the participants the reader may see. */
    public Kirkpatrick kirkpatrick(CurrentUser user, Programme programme, Comparison comparison, int windowMonths) {
        var reaction = dsl.select(DSL.count(), DSL.avg(COURSE_FEEDBACK.RATING).cast(Double.class),
                        DSL.avg(COURSE_FEEDBACK.USEFULNESS).cast(Double.class), DSL.count().filterWhere(COURSE_FEEDBACK.COMMENT.ne("")))
                .from(COURSE_FEEDBACK)
                .where(COURSE_FEEDBACK.EMPLOYEE_ID.in(visibleParticipants(user, programme)))
                .and(COURSE_FEEDBACK.COURSE_ID.in(courseIds(programme)))
                .and(COURSE_FEEDBACK.SUBMITTED_AT.ge(programme.startsOn().atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime()))
                .fetchSingle(r -> new Kirkpatrick.Reaction(r.value1(), r.value2(), r.value3(), r.value4()));
        var attempts = DSL.select(QUIZ_ATTEMPT.EMPLOYEE_ID,
                        DSL.arrayGet(DSL.arrayAgg(QUIZ_ATTEMPT.SCORE).orderBy(QUIZ_ATTEMPT.STARTED_AT), 1).as("first_score"),
                        DSL.max(QUIZ_ATTEMPT.SCORE).as("best_score"), DSL.boolOr(QUIZ_ATTEMPT.PASSED).as("passed"))
                .from(QUIZ_ATTEMPT)
                .where(QUIZ_ATTEMPT.EMPLOYEE_ID.in(visibleParticipants(user, programme)))
                .and(QUIZ_ATTEMPT.COURSE_ID.in(courseIds(programme)))
                .and(QUIZ_ATTEMPT.SUBMITTED_AT.isNotNull())
                .and(QUIZ_ATTEMPT.STARTED_AT.ge(programme.startsOn().atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime()))
                .groupBy(QUIZ_ATTEMPT.EMPLOYEE_ID).asTable("attempts");
        var learning = dsl.select(DSL.count(), DSL.avg(attempts.field("first_score", BigDecimal.class)).cast(Double.class),
                        DSL.avg(attempts.field("best_score", BigDecimal.class)).cast(Double.class),
                        DSL.avg(DSL.when(attempts.field("passed", Boolean.class), DSL.inline(1.0)).otherwise(DSL.inline(0.0))).cast(Double.class))
                .from(attempts)
                .fetchSingle(r -> new Kirkpatrick.Learning(r.value1(), r.value2(), r.value3(), r.value4()));
        List<DifferenceInDifferences> results = kpis(programme).stream()
                .filter(k -> k.level() == org.clinlead.kpi.KpiLevel.PERSON)
                .map(k -> differenceInDifferences(user, programme, k, comparison, windowMonths)).toList();
        return new Kirkpatrick(participantCount(user, programme), reaction, learning, behaviour(user, programme, comparison), results);
    }

    /**
     * The mean change of each person's "others" 360 level on the programme's competencies (all
     * rated competencies when it names none) from the last 360 before their start to the first
     * after it, participants and comparison group.
     */
    private Kirkpatrick.Behaviour behaviour(CurrentUser user, Programme programme, Comparison comparison) {
        var grp = groups(user, programme, comparison);
        var post = COMPETENCY_EVIDENCE.as("post");
        var between = COMPETENCY_EVIDENCE.as("between");
        var pre = COMPETENCY_EVIDENCE.as("pre");
        boolean named = dsl.fetchExists(PROGRAMME_COMPETENCY, PROGRAMME_COMPETENCY.PROGRAMME_ID.eq(programme.id()));
        var earlier = DSL.lateral(DSL.select(pre.LEVEL).from(pre)
                .where(pre.EMPLOYEE_ID.eq(post.EMPLOYEE_ID)).and(pre.FRAMEWORK_ID.eq(post.FRAMEWORK_ID))
                .and(pre.COMPETENCY_CODE.eq(post.COMPETENCY_CODE)).and(pre.SOURCE.eq("360"))
                .and(pre.OBSERVED_ON.lt(grp.field(ANCHOR)))
                .orderBy(pre.OBSERVED_ON.desc()).limit(1)).as("earlier");
        Field<Double> change = DSL.avg(post.LEVEL.minus(earlier.field(pre.LEVEL))).cast(Double.class).as("change");
        var perPerson = DSL.select(grp.field(PARTICIPANT), grp.field(EMPLOYEE_ID), change)
                .from(grp)
                .join(post).on(post.EMPLOYEE_ID.eq(grp.field(EMPLOYEE_ID))).and(post.SOURCE.eq("360"))
                .and(post.OBSERVED_ON.ge(grp.field(ANCHOR)))
                .and(named ? DSL.row(post.FRAMEWORK_ID, post.COMPETENCY_CODE).in(DSL.select(PROGRAMME_COMPETENCY.FRAMEWORK_ID,
                        PROGRAMME_COMPETENCY.COMPETENCY_CODE).from(PROGRAMME_COMPETENCY)
                        .where(PROGRAMME_COMPETENCY.PROGRAMME_ID.eq(programme.id()))) : DSL.noCondition())
                .andNotExists(DSL.selectOne().from(between).where(between.EMPLOYEE_ID.eq(post.EMPLOYEE_ID))
                        .and(between.FRAMEWORK_ID.eq(post.FRAMEWORK_ID)).and(between.COMPETENCY_CODE.eq(post.COMPETENCY_CODE))
                        .and(between.SOURCE.eq("360")).and(between.OBSERVED_ON.ge(grp.field(ANCHOR)))
                        .and(between.OBSERVED_ON.lt(post.OBSERVED_ON)))
                .crossJoin(earlier)
                .groupBy(grp.field(PARTICIPANT), grp.field(EMPLOYEE_ID))
                .asTable("per_person");
        Field<Boolean> isParticipant = perPerson.field(PARTICIPANT);
        Field<Double> personChange = perPerson.field("change", Double.class);
        return dsl.with(grp)
                .select(DSL.count().filterWhere(isParticipant), DSL.avg(personChange).filterWhere(isParticipant).cast(Double.class),
                        DSL.count().filterWhere(DSL.not(isParticipant)),
                        DSL.avg(personChange).filterWhere(DSL.not(isParticipant)).cast(Double.class))
                .from(perPerson)
                .fetchSingle(r -> new Kirkpatrick.Behaviour(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /**
     * What the programme cost for the participants the reader may see: its fixed cost in proportion
     * to them, its per-participant cost, the fees and minutes of its courses they completed during
     * it (fees only in the programme's currency), and the coaching sessions held with them during it.
     */
    public ProgrammeCosts costs(CurrentUser user, Programme programme) {
        int visible = participantCount(user, programme);
        int all = dsl.fetchCount(participants(programme));
        BigDecimal fixed = all == 0 ? BigDecimal.ZERO
                : programme.fixedCost().multiply(BigDecimal.valueOf(visible)).divide(BigDecimal.valueOf(all), 2, java.math.RoundingMode.HALF_UP);
        var courses = dsl.select(DSL.coalesce(DSL.sum(COURSE.COST).filterWhere(COURSE.CURRENCY.eq(programme.currency())), BigDecimal.ZERO),
                        DSL.count().filterWhere(COURSE.CURRENCY.ne(programme.currency()).and(COURSE.COST.gt(BigDecimal.ZERO))),
                        DSL.coalesce(DSL.sum(COURSE.DURATION_MINUTES), BigDecimal.ZERO))
                .from(TRAINING_COMPLETION).join(COURSE).on(COURSE.ID.eq(TRAINING_COMPLETION.COURSE_ID))
                .where(TRAINING_COMPLETION.EMPLOYEE_ID.in(visibleParticipants(user, programme)))
                .and(TRAINING_COMPLETION.COURSE_ID.in(courseIds(programme)))
                .and(TRAINING_COMPLETION.STATUS.eq("complete")).and(TRAINING_COMPLETION.SUPERSEDED_BY_ID.isNull())
                .and(TRAINING_COMPLETION.COMPLETED_ON.between(programme.startsOn(), end(programme)))
                .fetchSingle();
        Condition held = COACHING_SESSION.STATUS.eq("held").and(COACHING_SESSION.HELD_ON.between(programme.startsOn(), end(programme)));
        var coaching = dsl.select(DSL.coalesce(DSL.sum(COACHING_SESSION.DURATION_MINUTES), BigDecimal.ZERO),
                        DSL.countDistinct(COACHING_SESSION.ID))
                .from(SESSION_PARTICIPANT).join(COACHING_SESSION).on(COACHING_SESSION.ID.eq(SESSION_PARTICIPANT.SESSION_ID))
                .where(SESSION_PARTICIPANT.EMPLOYEE_ID.in(visibleParticipants(user, programme))).and(held)
                .fetchSingle();
        long coachMinutes = dsl.select(DSL.coalesce(DSL.sum(COACHING_SESSION.DURATION_MINUTES), BigDecimal.ZERO))
                .from(COACHING_SESSION).where(held)
                .andExists(DSL.selectOne().from(SESSION_PARTICIPANT).where(SESSION_PARTICIPANT.SESSION_ID.eq(COACHING_SESSION.ID))
                        .and(SESSION_PARTICIPANT.EMPLOYEE_ID.in(visibleParticipants(user, programme))))
                .fetchSingle().value1().longValue();
        return new ProgrammeCosts(visible, fixed, programme.costPerParticipant(), courses.value1(), courses.value2(),
                courses.value3().longValue(), coaching.value1().longValue(), coachMinutes, coaching.value2());
    }
}
