package org.clinlead.kpi;

import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.KPI;
import static org.clinlead.db.Tables.KPI_IMPORT_BATCH;
import static org.clinlead.db.Tables.KPI_OBSERVATION;
import static org.clinlead.db.Tables.ORG_UNIT;
import static org.clinlead.db.Tables.STUDY;
import static org.clinlead.db.Tables.STUDY_SITE;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.postgresql.core.BaseConnection;
import org.springframework.stereotype.Repository;

/** Writes of KPI definitions, study sites, import batches and observations, and the look-ups an import needs. */
@Repository
class KpiRepository {

    private static final Name STAGING = DSL.name("kpi_import");
    /** New rows after which an import refreshes the table's statistics itself rather than wait for autovacuum. */
    static final int FRESH_STATISTICS_AFTER = 10_000;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(KpiRepository.class);

    private final DSLContext dsl;

    KpiRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A subject an import may name: its id, and whether the importer may write for it. */
    record Subject(long id, boolean inScope) {
    }

    /** The levels of KPIs that already have observations, by code (a level cannot change under them). */
    Map<String, KpiLevel> levelsInUse() {
        Map<String, KpiLevel> levels = new HashMap<>();
        dsl.select(KPI.CODE, KPI.LEVEL).from(KPI)
                .whereExists(DSL.selectOne().from(KPI_OBSERVATION).where(KPI_OBSERVATION.KPI_ID.eq(KPI.ID)))
                .forEach(r -> levels.put(r.value1(), KpiLevel.of(r.value2()).orElseThrow()));
        return levels;
    }

    /** Creates or updates a definition by code; returns true when anything changed. */
    boolean upsert(KpiDefinition d, int sortOrder) {
        return dsl.insertInto(KPI)
                .set(KPI.CODE, d.code())
                .set(KPI.NAME, d.name())
                .set(KPI.DESCRIPTION, d.description())
                .set(KPI.UNIT, d.unit())
                .set(KPI.DIRECTION, d.higherIsBetter() ? "higher_is_better" : "lower_is_better")
                .set(KPI.LEVEL, d.level().code())
                .set(KPI.AGGREGATION, d.aggregation().code())
                .set(KPI.RATE_SCALE, d.rateScale())
                .set(KPI.TARGET, d.target())
                .set(KPI.SOURCE, d.source())
                .set(KPI.MIN_VALUE, d.min())
                .set(KPI.MAX_VALUE, d.max())
                .set(KPI.SORT_ORDER, sortOrder)
                .onConflict(KPI.CODE).doUpdate()
                .set(KPI.NAME, DSL.excluded(KPI.NAME))
                .set(KPI.DESCRIPTION, DSL.excluded(KPI.DESCRIPTION))
                .set(KPI.UNIT, DSL.excluded(KPI.UNIT))
                .set(KPI.DIRECTION, DSL.excluded(KPI.DIRECTION))
                .set(KPI.LEVEL, DSL.excluded(KPI.LEVEL))
                .set(KPI.AGGREGATION, DSL.excluded(KPI.AGGREGATION))
                .set(KPI.RATE_SCALE, DSL.excluded(KPI.RATE_SCALE))
                .set(KPI.TARGET, DSL.excluded(KPI.TARGET))
                .set(KPI.SOURCE, DSL.excluded(KPI.SOURCE))
                .set(KPI.MIN_VALUE, DSL.excluded(KPI.MIN_VALUE))
                .set(KPI.MAX_VALUE, DSL.excluded(KPI.MAX_VALUE))
                .set(KPI.SORT_ORDER, DSL.excluded(KPI.SORT_ORDER))
                .set(KPI.VERSION, KPI.VERSION.plus(1))
                .where(DSL.row(KPI.NAME, KPI.DESCRIPTION, KPI.UNIT, KPI.DIRECTION, KPI.LEVEL, KPI.AGGREGATION, KPI.RATE_SCALE,
                                KPI.TARGET, KPI.SOURCE, KPI.MIN_VALUE, KPI.MAX_VALUE, KPI.SORT_ORDER)
                        .isDistinctFrom(DSL.row(DSL.excluded(KPI.NAME), DSL.excluded(KPI.DESCRIPTION), DSL.excluded(KPI.UNIT),
                                DSL.excluded(KPI.DIRECTION), DSL.excluded(KPI.LEVEL), DSL.excluded(KPI.AGGREGATION),
                                DSL.excluded(KPI.RATE_SCALE), DSL.excluded(KPI.TARGET), DSL.excluded(KPI.SOURCE),
                                DSL.excluded(KPI.MIN_VALUE), DSL.excluded(KPI.MAX_VALUE), DSL.excluded(KPI.SORT_ORDER))))
                .execute() > 0;
    }

    long addSite(long studyId, String siteCode, String name, String country, LocalDate activatedOn, String status) {
        return dsl.insertInto(STUDY_SITE)
                .set(STUDY_SITE.STUDY_ID, studyId)
                .set(STUDY_SITE.SITE_CODE, siteCode)
                .set(STUDY_SITE.NAME, name)
                .set(STUDY_SITE.COUNTRY, country)
                .set(STUDY_SITE.ACTIVATED_ON, activatedOn)
                .set(STUDY_SITE.STATUS, status)
                .returning(STUDY_SITE.ID).fetchSingle(STUDY_SITE.ID);
    }

    Map<String, Subject> employees(Condition inScope) {
        Map<String, Subject> subjects = new HashMap<>(32_768);
        dsl.select(EMPLOYEE.EMPLOYEE_NUMBER, EMPLOYEE.ID, DSL.field(inScope)).from(EMPLOYEE)
                .forEach(r -> subjects.put(r.value1(), new Subject(r.value2(), Boolean.TRUE.equals(r.value3()))));
        return subjects;
    }

    Map<String, Subject> orgUnits(Condition inScope) {
        Map<String, Subject> subjects = new HashMap<>();
        dsl.select(ORG_UNIT.CODE, ORG_UNIT.ID, DSL.field(inScope)).from(ORG_UNIT)
                .forEach(r -> subjects.put(r.value1(), new Subject(r.value2(), Boolean.TRUE.equals(r.value3()))));
        return subjects;
    }

    /** Studies by code; in scope when the owning unit is ({@code unitInScope} over {@code STUDY.ORG_UNIT_ID}). */
    Map<String, Subject> studies(Condition unitInScope) {
        Map<String, Subject> subjects = new HashMap<>();
        dsl.select(STUDY.CODE, STUDY.ID, DSL.field(unitInScope)).from(STUDY)
                .forEach(r -> subjects.put(r.value1(), new Subject(r.value2(), Boolean.TRUE.equals(r.value3()))));
        return subjects;
    }

    /** Sites by "study code:site code"; in scope with their study. */
    Map<String, Subject> sites(Condition unitInScope) {
        Map<String, Subject> subjects = new HashMap<>();
        dsl.select(STUDY.CODE, STUDY_SITE.SITE_CODE, STUDY_SITE.ID, DSL.field(unitInScope)).from(STUDY_SITE)
                .join(STUDY).on(STUDY.ID.eq(STUDY_SITE.STUDY_ID))
                .forEach(r -> subjects.put(r.value1() + ":" + r.value2(), new Subject(r.value3(), Boolean.TRUE.equals(r.value4()))));
        return subjects;
    }

    long insertBatch(String fileName, String importedBy, Long userId, int rows, int created, int updated) {
        return dsl.insertInto(KPI_IMPORT_BATCH)
                .set(KPI_IMPORT_BATCH.FILE_NAME, fileName.length() > 255 ? fileName.substring(0, 255) : fileName)
                .set(KPI_IMPORT_BATCH.IMPORTED_BY, importedBy)
                .set(KPI_IMPORT_BATCH.IMPORTED_BY_USER_ID, userId)
                .set(KPI_IMPORT_BATCH.ROWS_READ, rows)
                .set(KPI_IMPORT_BATCH.CREATED, created)
                .set(KPI_IMPORT_BATCH.UPDATED, updated)
                .set(KPI_IMPORT_BATCH.UNCHANGED, rows - created - updated)
                .returning(KPI_IMPORT_BATCH.ID).fetchSingle(KPI_IMPORT_BATCH.ID);
    }

    void setBatchCounts(long batchId, int created, int updated) {
        dsl.update(KPI_IMPORT_BATCH)
                .set(KPI_IMPORT_BATCH.CREATED, created)
                .set(KPI_IMPORT_BATCH.UPDATED, updated)
                .set(KPI_IMPORT_BATCH.UNCHANGED, KPI_IMPORT_BATCH.ROWS_READ.minus(created).minus(updated))
                .where(KPI_IMPORT_BATCH.ID.eq(batchId)).execute();
    }

    /** A checked observation, ready to be staged; exactly one of the subject ids is set. */
    record Staged(long kpiId, KpiLevel level, LocalDate period, long subjectId, BigDecimal value, BigDecimal numerator,
                  BigDecimal denominator, String source) {
    }

    /** What an upsert did. */
    record Upserted(int created, int updated) {
    }

    /**
     * Streams the rows into a temporary table with {@code COPY}, then upserts them on (kpi,
     * subject, period) in two set-based statements: changed values replace the old ones (the audit
     * trail keeps both), new keys are inserted in key order, equal rows are neither written nor
     * locked. (A single {@code INSERT … ON CONFLICT DO UPDATE … WHERE} would lock every existing
     * row even when nothing changes, which made re-imports three times slower.) Concurrent imports
     * are serialised by a table lock that readers do not wait for.
     */
    Upserted upsert(List<Staged> rows, long batchId) {
        long started = System.nanoTime();
        dsl.execute("lock table kpi_observation in share row exclusive mode");
        // the new rows' anti-join and key-order sort of a 500,000-row file fit in memory instead of
        // spilling to disk (half a second of the insert); imports run one at a time (the lock above)
        dsl.execute("set local work_mem = '128MB'");
        dsl.dropTemporaryTableIfExists(STAGING).execute();
        dsl.createTemporaryTable(STAGING)
                .column("kpi_id", SQLDataType.BIGINT).column("level", SQLDataType.CLOB).column("period", SQLDataType.LOCALDATE)
                .column("subject_id", SQLDataType.BIGINT)
                .column("employee_id", SQLDataType.BIGINT).column("org_unit_id", SQLDataType.BIGINT)
                .column("study_id", SQLDataType.BIGINT).column("site_id", SQLDataType.BIGINT)
                .column("value", SQLDataType.NUMERIC).column("numerator", SQLDataType.NUMERIC)
                .column("denominator", SQLDataType.NUMERIC).column("source", SQLDataType.CLOB)
                .onCommitDrop().execute();
        // staged in key order: the insert's scan of the staging table, probing a hash of the existing
        // keys, keeps it, and PostgreSQL's sort returns input that is already in order after one pass
        List<Staged> ordered = new java.util.ArrayList<>(rows);
        ordered.sort((a, b) -> {
            int c = Long.compare(a.kpiId(), b.kpiId());
            if (c == 0) {
                c = Long.compare(a.subjectId(), b.subjectId());
            }
            return c != 0 ? c : a.period().compareTo(b.period());
        });
        StringBuilder csv = new StringBuilder(rows.size() * 64);
        for (Staged r : ordered) {
            csv.append(r.kpiId()).append(',').append(r.level().code()).append(',').append(r.period()).append(',')
                    .append(r.subjectId()).append(',');
            for (KpiLevel level : KpiLevel.values()) {
                if (level == r.level()) {
                    csv.append(r.subjectId());
                }
                csv.append(',');
            }
            csv.append(r.value().toPlainString()).append(',');
            if (r.numerator() != null) {
                csv.append(r.numerator().toPlainString()).append(',').append(r.denominator().toPlainString());
            } else {
                csv.append(',');
            }
            csv.append(",\"").append(r.source().replace("\"", "\"\"")).append("\"\n");
        }
        dsl.connection(connection -> {
            try {
                connection.unwrap(BaseConnection.class).getCopyAPI().copyIn(
                        "copy kpi_import from stdin with (format csv)", new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        dsl.execute("analyze kpi_import");
        long staged = System.nanoTime();
        Table<Record> staging = DSL.table(STAGING);
        Field<Long> kpi = staged("kpi_id", SQLDataType.BIGINT);
        Field<String> level = staged("level", SQLDataType.CLOB);
        Field<LocalDate> period = staged("period", SQLDataType.LOCALDATE);
        Field<Long> subject = staged("subject_id", SQLDataType.BIGINT);
        Field<Long> employee = staged("employee_id", SQLDataType.BIGINT);
        Field<Long> unit = staged("org_unit_id", SQLDataType.BIGINT);
        Field<Long> study = staged("study_id", SQLDataType.BIGINT);
        Field<Long> site = staged("site_id", SQLDataType.BIGINT);
        Field<BigDecimal> value = staged("value", SQLDataType.NUMERIC);
        Field<BigDecimal> numerator = staged("numerator", SQLDataType.NUMERIC);
        Field<BigDecimal> denominator = staged("denominator", SQLDataType.NUMERIC);
        Field<String> source = staged("source", SQLDataType.CLOB);
        OffsetDateTime now = OffsetDateTime.now();

        int updated = dsl.update(KPI_OBSERVATION)
                .set(KPI_OBSERVATION.VALUE, value)
                .set(KPI_OBSERVATION.NUMERATOR, numerator)
                .set(KPI_OBSERVATION.DENOMINATOR, denominator)
                .set(KPI_OBSERVATION.SOURCE, source)
                .set(KPI_OBSERVATION.IMPORT_BATCH_ID, batchId)
                .set(KPI_OBSERVATION.IMPORTED_AT, now)
                .from(staging)
                .where(KPI_OBSERVATION.KPI_ID.eq(kpi)).and(KPI_OBSERVATION.SUBJECT_ID.eq(subject)).and(KPI_OBSERVATION.PERIOD.eq(period))
                .and(DSL.row(KPI_OBSERVATION.VALUE, KPI_OBSERVATION.NUMERATOR, KPI_OBSERVATION.DENOMINATOR, KPI_OBSERVATION.SOURCE)
                        .isDistinctFrom(DSL.row(value, numerator, denominator, source)))
                .execute();
        long corrected = System.nanoTime();
        int created = dsl.insertInto(KPI_OBSERVATION, KPI_OBSERVATION.KPI_ID, KPI_OBSERVATION.LEVEL, KPI_OBSERVATION.PERIOD,
                        KPI_OBSERVATION.EMPLOYEE_ID, KPI_OBSERVATION.ORG_UNIT_ID, KPI_OBSERVATION.STUDY_ID, KPI_OBSERVATION.SITE_ID,
                        KPI_OBSERVATION.VALUE, KPI_OBSERVATION.NUMERATOR, KPI_OBSERVATION.DENOMINATOR, KPI_OBSERVATION.SOURCE,
                        KPI_OBSERVATION.IMPORT_BATCH_ID, KPI_OBSERVATION.IMPORTED_AT)
                .select(DSL.select(kpi, level, period, employee, unit, study, site, value, numerator, denominator, source,
                                DSL.val(batchId), DSL.val(now))
                        .from(staging)
                        .whereNotExists(DSL.selectOne().from(KPI_OBSERVATION)
                                .where(KPI_OBSERVATION.KPI_ID.eq(kpi)).and(KPI_OBSERVATION.SUBJECT_ID.eq(subject))
                                .and(KPI_OBSERVATION.PERIOD.eq(period)))
                        .orderBy(kpi, subject, period))
                .execute();
        long inserted = System.nanoTime();
        if (created >= FRESH_STATISTICS_AFTER) {
            // the next import's plans (and the trends') must know the table grew: with the statistics of
            // a smaller table the correction UPDATE joined a million rows by nested loop for minutes
            dsl.execute("analyze kpi_observation");
        }
        log.debug("KPI import of {} rows: staged in {} ms, {} updated in {} ms, {} inserted in {} ms, analysed in {} ms", rows.size(),
                (staged - started) / 1_000_000, updated, (corrected - staged) / 1_000_000, created, (inserted - corrected) / 1_000_000,
                (System.nanoTime() - inserted) / 1_000_000);
        return new Upserted(created, updated);
    }

    private static <T> Field<T> staged(String name, org.jooq.DataType<T> type) {
        return DSL.field(DSL.name("kpi_import", name), type);
    }
}
