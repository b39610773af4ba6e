package org.clinlead.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.clinlead.core.FieldRules;
import org.clinlead.core.imports.CsvFile;
import org.clinlead.core.imports.ImportProblem;
import org.clinlead.core.imports.ImportReport;
import org.springframework.stereotype.Component;

/**
 * Imports KPI observations (docs/kpis.md, "Import"), all or nothing: every row is checked against
 * the definitions and the subjects the importer may write for, every problem is reported with its
 * row and column, and only a file without problems is written, staged with {@code COPY} and
 * upserted in one statement.
 */
@Component
class KpiImporter {

    static final Set<String> REQUIRED = new LinkedHashSet<>(List.of("kpi", "period", "subject_type", "subject", "source"));
    static final Set<String> OPTIONAL = new LinkedHashSet<>(List.of("value", "numerator", "denominator"));
    /** Values beyond this many digits before the point are refused as typing errors. */
    private static final BigDecimal LIMIT = new BigDecimal("1e12");
    private static final BigDecimal RATE_TOLERANCE = new BigDecimal("0.01");

    private final KpiRepository repository;

    KpiImporter(KpiRepository repository) {
        this.repository = repository;
    }

    /** Where the importer may write: by employee number, unit code, study code and "study:site". */
    record Subjects(Map<String, KpiRepository.Subject> employees, Map<String, KpiRepository.Subject> units,
                    Map<String, KpiRepository.Subject> studies, Map<String, KpiRepository.Subject> sites) {

        Map<String, KpiRepository.Subject> of(KpiLevel level) {
            return switch (level) {
                case PERSON -> employees;
                case ORG_UNIT -> units;
                case STUDY -> studies;
                case SITE -> sites;
            };
        }
    }

    private record Key(long kpiId, long subjectId, LocalDate period) {
    }

    ImportReport importFile(String fileName, byte[] content, Map<String, Kpi> kpis, Subjects subjects, String importedBy,
                            Long userId, LocalDate today) {
        CsvFile file;
        try {
            file = CsvFile.parse(fileName, content, REQUIRED, OPTIONAL);
        } catch (CsvFile.CsvException e) {
            return ImportReport.rejected(fileName, 0, e.problems());
        }
        List<ImportProblem> problems = new ArrayList<>();
        List<KpiRepository.Staged> rows = new ArrayList<>(file.rows().size());
        Map<Key, Integer> rowOfKey = new HashMap<>(file.rows().size() * 2);
        YearMonth thisMonth = YearMonth.from(today);
        for (CsvFile.Row line : file.rows()) {
            if (line.error() != null) {
                problems.add(new ImportProblem(line.number(), "", line.error()));
                continue;
            }
            KpiRepository.Staged row = read(line, kpis, subjects, thisMonth, problems);
            if (row == null) {
                continue;
            }
            Integer earlier = rowOfKey.putIfAbsent(new Key(row.kpiId(), row.subjectId(), row.period()), line.number());
            if (earlier != null) {
                problems.add(new ImportProblem(line.number(), "subject", line.get("kpi") + " for " + line.get("subject") + " in "
                        + YearMonth.from(row.period()) + " is already in row " + earlier + "."));
                continue;
            }
            rows.add(row);
        }
        if (!problems.isEmpty()) {
            return ImportReport.rejected(fileName, file.rows().size(), problems);
        }
        long batch = repository.insertBatch(fileName, importedBy, userId, rows.size(), 0, 0);
        KpiRepository.Upserted done = repository.upsert(rows, batch);
        repository.setBatchCounts(batch, done.created(), done.updated());
        return new ImportReport(fileName, rows.size(), done.created(), done.updated(), rows.size() - done.created() - done.updated(),
                List.of());
    }

    private static KpiRepository.Staged read(CsvFile.Row line, Map<String, Kpi> kpis, Subjects subjects, YearMonth thisMonth,
                                             List<ImportProblem> problems) {
        int before = problems.size();
        int n = line.number();
        String code = line.get("kpi");
        Kpi kpi = kpis.get(code);
        if (kpi == null) {
            problems.add(new ImportProblem(n, "kpi", code.isEmpty() ? "The KPI code is empty."
                    : "There is no KPI " + code + ". Known KPIs: " + kpis.keySet().stream().sorted().collect(Collectors.joining(", ")) + "."));
        }
        LocalDate period = period(line.get("period"), thisMonth, n, problems);

        String typeText = line.get("subject_type");
        KpiLevel type = KpiLevel.of(typeText).orElse(null);
        if (type == null) {
            problems.add(new ImportProblem(n, "subject_type", "\"" + typeText + "\" is not a subject type; use one of "
                    + Arrays.stream(KpiLevel.values()).map(KpiLevel::code).collect(Collectors.joining(", ")) + "."));
        } else if (kpi != null && type != kpi.level()) {
            problems.add(new ImportProblem(n, "subject_type", kpi.code() + " is measured per " + kpi.level().code()
                    + ", not per " + type.code() + "."));
        }
        String subjectText = line.get("subject");
        KpiRepository.Subject subject = null;
        if (subjectText.isEmpty()) {
            problems.add(new ImportProblem(n, "subject", "The subject is empty."));
        } else if (type != null) {
            subject = subjects.of(type).get(subjectText);
            if (subject == null) {
                problems.add(new ImportProblem(n, "subject", switch (type) {
                    case PERSON -> "There is no employee " + subjectText + ".";
                    case ORG_UNIT -> "There is no organisation unit " + subjectText + ".";
                    case STUDY -> "There is no study " + subjectText + ".";
                    case SITE -> subjectText.contains(":") ? "There is no site " + subjectText + " (study code:site code)."
                            : "A site is written as study code:site code, e.g. HLX-ONC-301:DE-104, not \"" + subjectText + "\".";
                }));
            } else if (!subject.inScope()) {
                problems.add(new ImportProblem(n, "subject", subjectText + " is outside your part of the organisation."));
            }
        }

        BigDecimal value = number(line, "value", n, problems);
        BigDecimal numerator = number(line, "numerator", n, problems);
        BigDecimal denominator = number(line, "denominator", n, problems);
        if (kpi != null && kpi.aggregation() == Aggregation.RATE) {
            if (line.get("numerator").isEmpty() || line.get("denominator").isEmpty()) {
                problems.add(new ImportProblem(n, line.get("numerator").isEmpty() ? "numerator" : "denominator",
                        kpi.code() + " is a rate: give its numerator and denominator."));
            } else if (numerator != null && denominator != null) {
                if (numerator.signum() < 0) {
                    problems.add(new ImportProblem(n, "numerator", "The numerator cannot be negative."));
                } else if (denominator.signum() <= 0) {
                    problems.add(new ImportProblem(n, "denominator", "The denominator must be greater than 0."));
                } else {
                    BigDecimal rate = numerator.multiply(kpi.rateScale()).divide(denominator, 4, RoundingMode.HALF_UP);
                    if (value != null && value.subtract(rate).abs().compareTo(RATE_TOLERANCE) > 0) {
                        problems.add(new ImportProblem(n, "value", "The value " + value.toPlainString() + " does not match "
                                + numerator.toPlainString() + " / " + denominator.toPlainString()
                                + (kpi.rateScale().compareTo(BigDecimal.ONE) == 0 ? "" : " x " + kpi.rateScale().toPlainString())
                                + " = " + rate.stripTrailingZeros().toPlainString() + "; leave it empty or correct it."));
                    } else if (value == null) {
                        value = rate.stripTrailingZeros();
                    }
                    String bounds = kpi.outOfBounds(rate);
                    if (bounds != null) {
                        problems.add(new ImportProblem(n, "numerator", numerator.toPlainString() + " / "
                                + denominator.toPlainString() + (kpi.rateScale().compareTo(BigDecimal.ONE) == 0 ? ""
                                : " x " + kpi.rateScale().toPlainString()) + " = " + rate.stripTrailingZeros().toPlainString()
                                + ": " + bounds));
                    }
                }
            }
        } else if (kpi != null) {
            if (line.get("value").isEmpty()) {
                problems.add(new ImportProblem(n, "value", "The value is empty."));
            } else if (kpi.outOfBounds(value) != null) {
                problems.add(new ImportProblem(n, "value", kpi.outOfBounds(value)));
            }
            if (!line.get("numerator").isEmpty() || !line.get("denominator").isEmpty()) {
                problems.add(new ImportProblem(n, line.get("numerator").isEmpty() ? "denominator" : "numerator",
                        kpi.code() + " is not a rate; leave numerator and denominator empty."));
            }
        }
        String source = line.get("source");
        if (source.isEmpty()) {
            problems.add(new ImportProblem(n, "source", "Name the system the value comes from (e.g. CTMS, EDC, QMS)."));
        } else if (FieldRules.line(source, FieldRules.CODE) != null) {
            problems.add(new ImportProblem(n, "source", FieldRules.line(source, FieldRules.CODE)));
        }
        if (problems.size() > before) {
            return null;
        }
        return new KpiRepository.Staged(kpi.id(), kpi.level(), period, subject.id(), value,
                kpi.aggregation() == Aggregation.RATE ? numerator : null, kpi.aggregation() == Aggregation.RATE ? denominator : null,
                source);
    }

    /** A month: 2026-03 or its first day, 2026-03-01; not in the future. */
    static LocalDate period(String text, YearMonth thisMonth, int row, List<ImportProblem> problems) {
        // the usual forms are read without a formatter (a tenth of a 500,000-row file's reading time)
        YearMonth month = yearMonth(text);
        if (month == null) {
            try {
                LocalDate date = FieldRules.parseDate(text);
                if (text.length() == 7) {
                    month = YearMonth.parse(text);
                } else if (date == null) {
                    throw new DateTimeParseException("not YYYY-MM-DD", text, 0);
                } else {
                    if (date.getDayOfMonth() != 1) {
                        problems.add(new ImportProblem(row, "period", "A period is a month: write " + YearMonth.from(date) + " or "
                                + date.withDayOfMonth(1) + ", not " + text + "."));
                        return null;
                    }
                    month = YearMonth.from(date);
                }
            } catch (DateTimeParseException e) {
                problems.add(new ImportProblem(row, "period", "\"" + text + "\" is not a month like 2026-03."));
                return null;
            }
        }
        if (month.isAfter(thisMonth)) {
            problems.add(new ImportProblem(row, "period", "The period " + month + " is in the future."));
            return null;
        }
        String bounds = FieldRules.month(month, FieldRules.EARLIEST_MONTH, thisMonth, "The period");
        if (bounds != null) {
            problems.add(new ImportProblem(row, "period", bounds));
            return null;
        }
        return month.atDay(1);
    }

    /** "2026-03" or "2026-03-01" with a month from 01 to 12, else null (then the formatter reads it and names the problem). */
    private static YearMonth yearMonth(String text) {
        int length = text.length();
        if (length != 7 && !(length == 10 && text.endsWith("-01"))) {
            return null;
        }
        for (int i = 0; i < 7; i++) {
            char c = text.charAt(i);
            if (i == 4 ? c != '-' : c < '0' || c > '9') {
                return null;
            }
        }
        int year = Integer.parseInt(text, 0, 4, 10);
        int month = Integer.parseInt(text, 5, 7, 10);
        return month >= 1 && month <= 12 ? YearMonth.of(year, month) : null;
    }

    private static BigDecimal number(CsvFile.Row line, String column, int row, List<ImportProblem> problems) {
        String text = line.get(column);
        if (text.isEmpty()) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(text);
            if (number.abs().compareTo(LIMIT) >= 0 || number.scale() > 6) {
                problems.add(new ImportProblem(row, column, "\"" + text + "\" is out of range (at most 12 digits before the point "
                        + "and 6 after)."));
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            problems.add(new ImportProblem(row, column, "\"" + text + "\" is not a number; write it like 12.5, without "
                    + "thousands separators."));
            return null;
        }
    }
}
