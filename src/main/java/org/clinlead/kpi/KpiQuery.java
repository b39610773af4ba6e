package org.clinlead.kpi;

import static org.clinlead.db.Tables.APP_USER;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.KPI;
import static org.clinlead.db.Tables.KPI_MONTH_COUNT;
import static org.clinlead.db.Tables.KPI_OBSERVATION;
import static org.clinlead.db.Tables.KPI_SUBTREE_MONTH_COUNT;
import static org.clinlead.db.Tables.ORG_UNIT;
import static org.clinlead.db.Tables.ORG_UNIT_CLOSURE;
import static org.clinlead.db.Tables.REPORTING_LINE;
import static org.clinlead.db.Tables.STUDY;
import static org.clinlead.db.Tables.STUDY_SITE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.DataScope;
import org.clinlead.core.security.Roles;
import org.clinlead.db.tables.records.KpiRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.SelectHavingStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * KPI definitions, trends and drill-downs (docs/kpis.md, "Trends and roll-ups") for the subjects
 * the reader may see: organisation units of their HR or director scope, studies owned by those
 * units and their sites, a manager's own team, the reader themself, and any person
 * {@link DataScope} lets them see. A unit's figure aggregates the observations of everything
 * below it (people by their current unit, studies by their owning unit, sites by their study)
 * with the KPI's aggregation.
 */
@Component
// reads in autocommit, without a transactional proxy (docs/decisions/0012-dashboard-reads-without-a-transaction.md)
public class KpiQuery {

    private final DSLContext dsl;
    private final DataScope scope;

    KpiQuery(DSLContext dsl, DataScope scope) {
        this.dsl = dsl;
        this.scope = scope;
    }

    public List<Kpi> all() {
        return dsl.selectFrom(KPI).orderBy(KPI.SORT_ORDER, KPI.NAME).fetch(KpiQuery::kpi);
    }

    public Optional<Kpi> byCode(String code) {
        return dsl.selectFrom(KPI).where(KPI.CODE.eq(code)).fetchOptional(KpiQuery::kpi);
    }

    boolean userExists(long userId) {
        return dsl.fetchExists(APP_USER, APP_USER.ID.eq(userId));
    }

    private static Kpi kpi(KpiRecord r) {
        return new Kpi(r.getId(), r.getCode(), r.getName(), r.getDescription(), r.getUnit(),
                "higher_is_better".equals(r.getDirection()), KpiLevel.of(r.getLevel()).orElseThrow(),
                Aggregation.of(r.getAggregation()).orElseThrow(), r.getRateScale(), r.getTarget(), r.getSource(),
                r.getMinValue(), r.getMaxValue());
    }

    private static boolean organisationWide(CurrentUser user) {
        return user.hasRole(Roles.ADMIN) || (user.hasAnyRole(Roles.HR, Roles.DIRECTOR) && user.scopeOrgUnitId() != null);
    }

    /** The subjects the reader may draw this KPI for, the most natural first. */
    public List<KpiSubject> subjects(CurrentUser user, Kpi kpi) {
        List<KpiSubject> subjects = new ArrayList<>();
        if (organisationWide(user)) {
            long root = defaultRoot(user);
            dsl.select(ORG_UNIT.ID, ORG_UNIT.NAME).from(ORG_UNIT).where(scope.orgUnitsInScope(user, ORG_UNIT.ID))
                    .orderBy(ORG_UNIT.ID.eq(root).desc(), ORG_UNIT.NAME)
                    .forEach(r -> subjects.add(new KpiSubject(KpiSubject.Type.UNIT, r.value1(), r.value2())));
        }
        if (kpi.level() == KpiLevel.PERSON && user.employeeId() != null) {
            if (user.hasRole(Roles.MANAGER)) {
                subjects.add(new KpiSubject(KpiSubject.Type.TEAM, user.employeeId(), "My team"));
            }
            subjects.add(new KpiSubject(KpiSubject.Type.PERSON, user.employeeId(), "Me (" + user.displayName() + ")"));
        }
        if (organisationWide(user) && (kpi.level() == KpiLevel.STUDY || kpi.level() == KpiLevel.SITE)) {
            dsl.select(STUDY.ID, STUDY.CODE).from(STUDY).where(scope.orgUnitsInScope(user, STUDY.ORG_UNIT_ID)).orderBy(STUDY.CODE)
                    .forEach(r -> subjects.add(new KpiSubject(KpiSubject.Type.STUDY, r.value1(), "Study " + r.value2())));
        }
        if (organisationWide(user) && kpi.level() == KpiLevel.SITE) {
            dsl.select(STUDY_SITE.ID, STUDY.CODE, STUDY_SITE.SITE_CODE, STUDY_SITE.NAME).from(STUDY_SITE)
                    .join(STUDY).on(STUDY.ID.eq(STUDY_SITE.STUDY_ID))
                    .where(scope.orgUnitsInScope(user, STUDY.ORG_UNIT_ID)).orderBy(STUDY.CODE, STUDY_SITE.SITE_CODE)
                    .forEach(r -> subjects.add(new KpiSubject(KpiSubject.Type.SITE, r.value1(), siteName(r.value2(), r.value3(), r.value4()))));
        }
        return subjects;
    }

    private long defaultRoot(CurrentUser user) {
        return Optional.ofNullable(user.scopeOrgUnitId()).orElseGet(() -> dsl.select(ORG_UNIT.ID).from(ORG_UNIT)
                .where(ORG_UNIT.PARENT_ID.isNull()).orderBy(ORG_UNIT.ID).limit(1).fetchSingle(ORG_UNIT.ID));
    }

    private static String siteName(String study, String site, String name) {
        return "Site " + study + ":" + site + " " + name;
    }

    /** The subject named by a key, with its name, if the reader may see it and the KPI can be drawn for it. */
    public Optional<KpiSubject> subject(CurrentUser user, Kpi kpi, String key) {
        Optional<KpiSubject> parsed = KpiSubject.parse(key).filter(s -> s.type().fits(kpi.level()));
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        long id = parsed.get().id();
        return switch (parsed.get().type()) {
            case UNIT -> dsl.select(ORG_UNIT.NAME).from(ORG_UNIT).where(ORG_UNIT.ID.eq(id)).and(scope.orgUnitsInScope(user, ORG_UNIT.ID))
                    .fetchOptional(r -> new KpiSubject(KpiSubject.Type.UNIT, id, r.value1()));
            case PERSON -> dsl.select(EMPLOYEE.FIRST_NAME, EMPLOYEE.LAST_NAME).from(EMPLOYEE).where(EMPLOYEE.ID.eq(id))
                    .and(scope.employees(user, EMPLOYEE.ID))
                    .fetchOptional(r -> new KpiSubject(KpiSubject.Type.PERSON, id, r.value1() + " " + r.value2()));
            case TEAM -> dsl.select(EMPLOYEE.FIRST_NAME, EMPLOYEE.LAST_NAME).from(EMPLOYEE).where(EMPLOYEE.ID.eq(id))
                    .and(user.hasRole(Roles.ADMIN) || (user.hasRole(Roles.MANAGER) && Long.valueOf(id).equals(user.employeeId()))
                            || organisationWide(user) ? scope.employees(user, EMPLOYEE.ID) : DSL.falseCondition())
                    .fetchOptional(r -> new KpiSubject(KpiSubject.Type.TEAM, id, Long.valueOf(id).equals(user.employeeId())
                            ? "My team" : "Team of " + r.value1() + " " + r.value2()));
            case STUDY -> dsl.select(STUDY.CODE).from(STUDY).where(STUDY.ID.eq(id)).and(scope.orgUnitsInScope(user, STUDY.ORG_UNIT_ID))
                    .fetchOptional(r -> new KpiSubject(KpiSubject.Type.STUDY, id, "Study " + r.value1()));
            case SITE -> dsl.select(STUDY.CODE, STUDY_SITE.SITE_CODE, STUDY_SITE.NAME).from(STUDY_SITE)
                    .join(STUDY).on(STUDY.ID.eq(STUDY_SITE.STUDY_ID))
                    .where(STUDY_SITE.ID.eq(id)).and(scope.orgUnitsInScope(user, STUDY.ORG_UNIT_ID))
                    .fetchOptional(r -> new KpiSubject(KpiSubject.Type.SITE, id, siteName(r.value1(), r.value2(), r.value3())));
        };
    }

    /** The subject a KPI page opens with: the reader's scope unit, else their team, else themself. */
    public Optional<KpiSubject> defaultSubject(CurrentUser user, Kpi kpi) {
        return subjects(user, kpi).stream().findFirst();
    }

    /** The monthly figures of a KPI for a subject the reader may see (check with {@link #subject} first). */
    public KpiTrend trend(CurrentUser user, Kpi kpi, KpiSubject subject) {
        List<KpiTrend.Point> points = monthly(user, kpi, subject)
                .orderBy(KPI_OBSERVATION.PERIOD)
                .fetch(r -> new KpiTrend.Point(r.value2(), r.value3(), r.value4()));
        return new KpiTrend(kpi, subject, points);
    }

    /**
     * For every KPI with observations under a unit the reader's organisation scope covers (check
     * with {@link DataScope#coversUnit} first, so that everyone under it counts), its latest month's
     * roll-up for the unit's subtree — the same figure as {@link #trend} — and the figure twelve
     * months before; from the month counts kept per subtree (changelog 0018), one row per KPI with
     * its definition, in one statement.
     */
    public List<KpiLatest> latest(long unitId, String unitName) {
        KpiSubject unit = new KpiSubject(KpiSubject.Type.UNIT, unitId, unitName);
        // a unit with sub-units has subtree rows; one without is its own subtree (changelog 0018)
        var subtree = KPI_SUBTREE_MONTH_COUNT;
        var own = KPI_MONTH_COUNT;
        Table<?> counts = DSL.select(subtree.KPI_ID, subtree.PERIOD, subtree.OBSERVATIONS, subtree.VALUE_SUM, subtree.NUMERATOR_SUM,
                        subtree.DENOMINATOR_SUM)
                .from(subtree).where(subtree.ANCESTOR_ID.eq(unitId))
                .unionAll(DSL.select(own.KPI_ID, own.PERIOD, own.OBSERVATIONS, own.VALUE_SUM, own.NUMERATOR_SUM, own.DENOMINATOR_SUM)
                        .from(own).where(own.ORG_UNIT_ID.eq(unitId))
                        .andNotExists(DSL.selectOne().from(ORG_UNIT).where(ORG_UNIT.PARENT_ID.eq(unitId))))
                .asTable("counts");
        // each month's sums with the KPI's latest month, read twice: for the latest month and the
        // same month a year before; the KPI's definition turns both into its figure
        var months = DSL.name("months").as(DSL.select(counts.fields())
                .select(DSL.max(counts.field(subtree.PERIOD)).over(DSL.partitionBy(counts.field(subtree.KPI_ID))).as("latest"))
                .from(counts));
        var before = months.as("year_before");
        Field<LocalDate> period = months.field(subtree.PERIOD);
        Field<LocalDate> latest = months.field("latest", LocalDate.class);
        Field<BigDecimal> value = fromCounts(months).as("value");
        Field<BigDecimal> yearBefore = fromCounts(before).as("year_before");
        return dsl.with(months)
                .select(KPI.fields()).select(period, value, yearBefore)
                .from(months)
                .join(KPI).on(KPI.ID.eq(months.field(subtree.KPI_ID)))
                .leftJoin(before).on(before.field(subtree.KPI_ID).eq(months.field(subtree.KPI_ID)))
                .and(before.field(subtree.PERIOD).eq(DSL.localDateSub(latest, 12, org.jooq.DatePart.MONTH)))
                .where(period.eq(latest))
                .orderBy(KPI.SORT_ORDER, KPI.NAME, KPI.ID)
                .fetch(r -> new KpiLatest(kpi(r.into(KPI)), unit, r.get(period), r.get(value), r.get(yearBefore)));
    }

    /**
     * {@link #aggregate} from a month's kept sums, by the definition of the {@code KPI} row joined
     * beside them: the same figure, rounded the same way.
     */
    private static Field<BigDecimal> fromCounts(Table<?> counts) {
        var names = KPI_SUBTREE_MONTH_COUNT;
        Field<BigDecimal> sum = counts.field(names.VALUE_SUM);
        Field<BigDecimal> value = DSL.choose(KPI.AGGREGATION)
                .when(DSL.inline(Aggregation.MEAN.code()), sum.div(counts.field(names.OBSERVATIONS)))
                .when(DSL.inline(Aggregation.SUM.code()), sum)
                .when(DSL.inline(Aggregation.RATE.code()), counts.field(names.NUMERATOR_SUM).mul(KPI.RATE_SCALE)
                        .div(DSL.nullif(counts.field(names.DENOMINATOR_SUM), DSL.inline(BigDecimal.ZERO))));
        return DSL.round(value, 2);
    }

    /** The KPI's id, each month and the month's roll-up and observation count for a subject. */
    private SelectHavingStep<Record4<Long, LocalDate, BigDecimal, Integer>> monthly(CurrentUser user, Kpi kpi,
            KpiSubject subject) {
        return dsl.select(DSL.inline(kpi.id()), KPI_OBSERVATION.PERIOD, aggregate(kpi), DSL.count())
                .from(KPI_OBSERVATION)
                .where(KPI_OBSERVATION.KPI_ID.eq(kpi.id()))
                .and(KPI_OBSERVATION.SUBJECT_ID.in(subjectIds(user, kpi.level(), subject)))
                .groupBy(KPI_OBSERVATION.PERIOD);
    }

    /**
     * The parts of a subject in one period: a unit's sub-units (aggregated) and its own people
     * (person-level KPIs, each only if the reader may see them) or own studies; a team's people; a
     * study's sites. People never appear outside the reader's scope.
     */
    public List<KpiPart> breakdown(CurrentUser user, Kpi kpi, KpiSubject subject, LocalDate period) {
        Field<BigDecimal> value = aggregate(kpi);
        Condition base = KPI_OBSERVATION.KPI_ID.eq(kpi.id()).and(KPI_OBSERVATION.PERIOD.eq(period));
        List<KpiPart> parts = new ArrayList<>();
        switch (subject.type()) {
            case UNIT -> {
                var child = ORG_UNIT.as("child");
                var units = unitsOf(kpi.level());
                dsl.select(child.ID, child.NAME, value, DSL.count())
                        .from(KPI_OBSERVATION)
                        .join(units).on(units.field(SUBJECT).eq(KPI_OBSERVATION.SUBJECT_ID))
                        .join(ORG_UNIT_CLOSURE).on(ORG_UNIT_CLOSURE.DESCENDANT_ID.eq(units.field(UNIT)))
                        .join(child).on(child.ID.eq(ORG_UNIT_CLOSURE.ANCESTOR_ID)).and(child.PARENT_ID.eq(subject.id()))
                        .where(base).and(KPI_OBSERVATION.SUBJECT_ID.in(subjectIds(user, kpi.level(), subject)))
                        .groupBy(child.ID, child.NAME).orderBy(child.NAME)
                        .forEach(r -> parts.add(new KpiPart(new KpiSubject(KpiSubject.Type.UNIT, r.value1(), r.value2()), r.value3(), r.value4())));
                if (kpi.level() == KpiLevel.PERSON) {
                    people(user, value, base.and(EMPLOYEE.ORG_UNIT_ID.eq(subject.id())), parts);
                } else if (kpi.level() == KpiLevel.STUDY || kpi.level() == KpiLevel.SITE) {
                    Field<Long> studyOfSubject = kpi.level() == KpiLevel.STUDY ? KPI_OBSERVATION.SUBJECT_ID
                            : DSL.field(DSL.select(STUDY_SITE.STUDY_ID).from(STUDY_SITE).where(STUDY_SITE.ID.eq(KPI_OBSERVATION.SUBJECT_ID)));
                    dsl.select(STUDY.ID, STUDY.CODE, value, DSL.count())
                            .from(KPI_OBSERVATION).join(STUDY).on(STUDY.ID.eq(studyOfSubject))
                            .where(base).and(STUDY.ORG_UNIT_ID.eq(subject.id()))
                            .groupBy(STUDY.ID, STUDY.CODE).orderBy(STUDY.CODE)
                            .forEach(r -> parts.add(new KpiPart(new KpiSubject(KpiSubject.Type.STUDY, r.value1(), "Study " + r.value2()),
                                    r.value3(), r.value4())));
                }
            }
            case TEAM -> people(user, value, base.and(EMPLOYEE.ID.in(subjectIds(user, kpi.level(), subject))), parts);
            case STUDY -> {
                if (kpi.level() == KpiLevel.SITE) {
                    dsl.select(STUDY_SITE.ID, STUDY_SITE.SITE_CODE, STUDY_SITE.NAME, value, DSL.count())
                            .from(KPI_OBSERVATION).join(STUDY_SITE).on(STUDY_SITE.ID.eq(KPI_OBSERVATION.SUBJECT_ID))
                            .where(base).and(STUDY_SITE.STUDY_ID.eq(subject.id()))
                            .groupBy(STUDY_SITE.ID, STUDY_SITE.SITE_CODE, STUDY_SITE.NAME).orderBy(STUDY_SITE.SITE_CODE)
                            .forEach(r -> parts.add(new KpiPart(new KpiSubject(KpiSubject.Type.SITE, r.value1(),
                                    "Site " + r.value2() + " " + r.value3()), r.value4(), r.value5())));
                }
            }
            case PERSON, SITE -> {
            }
        }
        return parts;
    }

    private void people(CurrentUser user, Field<BigDecimal> value, Condition where, List<KpiPart> parts) {
        dsl.select(EMPLOYEE.ID, EMPLOYEE.FIRST_NAME, EMPLOYEE.LAST_NAME, value, DSL.count())
                .from(KPI_OBSERVATION).join(EMPLOYEE).on(EMPLOYEE.ID.eq(KPI_OBSERVATION.SUBJECT_ID))
                .where(where).and(scope.employees(user, EMPLOYEE.ID))
                .groupBy(EMPLOYEE.ID, EMPLOYEE.FIRST_NAME, EMPLOYEE.LAST_NAME).orderBy(EMPLOYEE.LAST_NAME, EMPLOYEE.FIRST_NAME)
                .forEach(r -> parts.add(new KpiPart(new KpiSubject(KpiSubject.Type.PERSON, r.value1(), r.value2() + " " + r.value3()),
                        r.value4(), r.value5())));
    }

    private static final Field<Long> SUBJECT = DSL.field(DSL.name("subject"), Long.class);
    private static final Field<Long> UNIT = DSL.field(DSL.name("unit"), Long.class);

    /**
     * Every subject of a KPI of this level with the organisation unit it belongs to (people by their
     * unit, units themselves, studies by their owning unit, sites by their study's), as a table to
     * hash-join observations to: a correlated look-up in the join condition made the company's
     * drill-down join each observation to the whole unit tree (3.4 s over a million observations).
     */
    private static Table<Record2<Long, Long>> unitsOf(KpiLevel level) {
        Select<Record2<Long, Long>> units = switch (level) {
            case PERSON -> DSL.select(EMPLOYEE.ID.as(SUBJECT), EMPLOYEE.ORG_UNIT_ID.as(UNIT)).from(EMPLOYEE);
            case ORG_UNIT -> DSL.select(ORG_UNIT.ID.as(SUBJECT), ORG_UNIT.ID.as(UNIT)).from(ORG_UNIT);
            case STUDY -> DSL.select(STUDY.ID.as(SUBJECT), STUDY.ORG_UNIT_ID.as(UNIT)).from(STUDY);
            case SITE -> DSL.select(STUDY_SITE.ID.as(SUBJECT), STUDY.ORG_UNIT_ID.as(UNIT)).from(STUDY_SITE)
                    .join(STUDY).on(STUDY.ID.eq(STUDY_SITE.STUDY_ID));
        };
        return units.asTable("subject_unit");
    }

    /** The KPI's aggregation over the observations of a group, rounded to two decimals. */
    static Field<BigDecimal> aggregate(Kpi kpi) {
        Field<BigDecimal> value = switch (kpi.aggregation()) {
            case MEAN -> DSL.avg(KPI_OBSERVATION.VALUE);
            case SUM -> DSL.sum(KPI_OBSERVATION.VALUE);
            case RATE -> DSL.sum(KPI_OBSERVATION.NUMERATOR).mul(DSL.inline(kpi.rateScale()))
                    .div(DSL.nullif(DSL.sum(KPI_OBSERVATION.DENOMINATOR), DSL.inline(BigDecimal.ZERO)));
        };
        return DSL.round(value, 2);
    }

    /** The subject ids (of the KPI's level) whose observations make up a subject's figure. */
    private Select<? extends org.jooq.Record1<Long>> subjectIds(CurrentUser user, KpiLevel level, KpiSubject subject) {
        long id = subject.id();
        return switch (subject.type()) {
            case PERSON, SITE -> DSL.select(DSL.inline(id));
            case TEAM -> DSL.select(REPORTING_LINE.DESCENDANT_ID).from(REPORTING_LINE)
                    .where(REPORTING_LINE.ANCESTOR_ID.eq(id)).and(REPORTING_LINE.DEPTH.gt(0));
            case STUDY -> level == KpiLevel.STUDY ? DSL.select(DSL.inline(id))
                    : DSL.select(STUDY_SITE.ID).from(STUDY_SITE).where(STUDY_SITE.STUDY_ID.eq(id));
            case UNIT -> switch (level) {
                case PERSON -> DSL.select(EMPLOYEE.ID).from(EMPLOYEE)
                        .join(ORG_UNIT_CLOSURE).on(ORG_UNIT_CLOSURE.DESCENDANT_ID.eq(EMPLOYEE.ORG_UNIT_ID))
                        .where(ORG_UNIT_CLOSURE.ANCESTOR_ID.eq(id)).and(scope.employees(user, EMPLOYEE.ID));
                case ORG_UNIT -> DSL.select(ORG_UNIT_CLOSURE.DESCENDANT_ID).from(ORG_UNIT_CLOSURE).where(ORG_UNIT_CLOSURE.ANCESTOR_ID.eq(id));
                case STUDY -> DSL.select(STUDY.ID).from(STUDY)
                        .join(ORG_UNIT_CLOSURE).on(ORG_UNIT_CLOSURE.DESCENDANT_ID.eq(STUDY.ORG_UNIT_ID))
                        .where(ORG_UNIT_CLOSURE.ANCESTOR_ID.eq(id));
                case SITE -> DSL.select(STUDY_SITE.ID).from(STUDY_SITE).join(STUDY).on(STUDY.ID.eq(STUDY_SITE.STUDY_ID))
                        .join(ORG_UNIT_CLOSURE).on(ORG_UNIT_CLOSURE.DESCENDANT_ID.eq(STUDY.ORG_UNIT_ID))
                        .where(ORG_UNIT_CLOSURE.ANCESTOR_ID.eq(id));
            };
        };
    }
}
