package org.clinlead.content;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.clinlead.core.content.ContentException;
import org.clinlead.core.content.ContentProblem;
import org.clinlead.core.content.YamlNode;
import org.clinlead.core.imports.ImportReport;
import org.clinlead.impact.ProgrammeForm;
import org.clinlead.impact.ProgrammeKind;
import org.clinlead.impact.ProgrammeService;
import org.clinlead.kpi.KpiImportService;
import org.clinlead.kpi.KpiService;
import org.springframework.stereotype.Component;

/**
 * The demo organisation's KPI history (content/demo/kpi-history.yaml): the sites of HLX-ONC-301,
 * then 24 months of every shipped KPI, generated with a fixed seed and imported through the real
 * KPI import. The participants of the named coaching programme close their CAPAs faster after it
 * starts (about 42 days falling to about 29 within three months); the rest of their country teams,
 * the comparison group, stay near 42 with a slight drift. The programme itself is recorded (with its
 * course, competencies, KPIs and costs), with six monthly coaching sessions per participant, their
 * quiz attempts in its course and their feedback on it, so that its impact page has every level.
 */
@Component
class DemoKpis {

    static final String FILE = "content/demo/kpi-history.yaml";
    private static final int MONTHS = 24;

    private final DemoRepository repository;
    private final KpiService kpis;
    private final KpiImportService imports;
    private final ProgrammeService programmes;

    DemoKpis(DemoRepository repository, KpiService kpis, KpiImportService imports, ProgrammeService programmes) {
        this.repository = repository;
        this.kpis = kpis;
        this.imports = imports;
        this.programmes = programmes;
    }

    /** What the demo history was made of, for tests and the log. */
    record Programme(String name, YearMonth start, Set<String> participants, Set<String> comparisonUnits) {
    }

    Programme load(String yaml, YearMonth thisMonth) {
        List<ContentProblem> problems = new ArrayList<>();
        YamlNode root = YamlNode.parse(FILE, yaml, problems);
        root.allowOnly("programme", "sites");
        YamlNode programmeNode = root.get("programme").orElseThrow(() -> new ContentException(new ContentProblem(FILE, 1,
                "\"programme\" is missing.")));
        programmeNode.allowOnly("code", "name", "description", "starts_months_ago", "participants", "comparison_units", "course",
                "competencies", "kpis", "fixed_cost", "cost_per_participant", "currency", "coach");
        String programmeCode = programmeNode.requiredText("code");
        String name = programmeNode.requiredText("name");
        String description = programmeNode.optionalText("description", "");
        String courseCode = programmeNode.requiredText("course");
        Long courseId = courseCode == null ? null : repository.courseId(courseCode).orElse(null);
        if (courseCode != null && courseId == null) {
            programmeNode.problem("course: there is no course " + courseCode + ".");
        }
        List<String> competencies = texts(programmeNode, "competencies");
        List<String> kpiCodes = texts(programmeNode, "kpis");
        Integer fixedCost = programmeNode.requiredInt("fixed_cost", 0, 10_000_000);
        Integer perParticipant = programmeNode.requiredInt("cost_per_participant", 0, 1_000_000);
        String currency = programmeNode.requiredText("currency");
        String coach = programmeNode.requiredText("coach");
        Long coachId = coach == null ? null : repository.userId(coach).orElse(null);
        if (coach != null && coachId == null) {
            programmeNode.problem("coach: there is no user " + coach + ".");
        }
        Integer startsAgo = programmeNode.requiredInt("starts_months_ago", 3, MONTHS - 3);
        Set<String> participants = new HashSet<>();
        programmeNode.get("participants").ifPresent(list -> list.items().forEach(i -> participants.add(i.text())));
        Set<String> comparison = new HashSet<>();
        programmeNode.get("comparison_units").ifPresent(list -> list.items().forEach(i -> comparison.add(i.text())));
        List<String[]> sites = new ArrayList<>();
        root.get("sites").ifPresent(list -> list.items().forEach(site -> {
            site.allowOnly("study", "code", "name", "country", "activated_months_ago");
            String study = site.requiredText("study");
            Long studyId = study == null ? null : repository.studyId(study).orElse(null);
            if (study != null && studyId == null) {
                site.problem("study: there is no study " + study + ".");
            }
            Integer activated = site.requiredInt("activated_months_ago", 1, MONTHS);
            String code = site.requiredText("code");
            String siteName = site.requiredText("name");
            String country = site.requiredText("country");
            if (problems.isEmpty()) {
                kpis.addSite(studyId, code, siteName, country, thisMonth.minusMonths(activated).atDay(15));
                sites.add(new String[] {study + ":" + code, String.valueOf(activated)});
            }
        }));
        if (!problems.isEmpty()) {
            throw new ContentException(problems);
        }
        Programme programme = new Programme(name, thisMonth.minusMonths(startsAgo), participants, comparison);
        String csv = history(programme, sites, thisMonth);
        ImportReport report = imports.importObservations("demo KPI history", csv.getBytes(StandardCharsets.UTF_8));
        if (!report.accepted()) {
            throw new ContentException(report.problems().stream().limit(20)
                    .map(p -> new ContentProblem(FILE, 0, "generated row " + p.row() + ", " + p.column() + ": " + p.message())).toList());
        }
        LocalDate start = programme.start().atDay(1);
        List<String> numbers = participants.stream().sorted().toList();
        programmes.create(new ProgrammeForm(programmeCode, name, description, ProgrammeKind.COACHING, null, null, start, start.plusMonths(6),
                BigDecimal.valueOf(fixedCost), BigDecimal.valueOf(perParticipant), currency, numbers, List.of(courseId), competencies,
                kpiCodes));
        List<Long> ids = numbers.stream().map(n -> repository.employeeId(n).orElseThrow()).toList();
        repository.insertProgrammeCoaching(coachId, ids, start, name);
        repository.insertProgrammeLearning(ids, courseId, start, new Random(302));
        return programme;
    }

    /** The programme's participants' employee numbers (the 360 demo lets them grow more between its cycles). */
    static Set<String> participants(String yaml) {
        YamlNode root = YamlNode.parse(FILE, yaml, new ArrayList<>());
        Set<String> numbers = new HashSet<>();
        root.get("programme").flatMap(p -> p.get("participants")).ifPresent(list -> list.items().forEach(i -> numbers.add(i.text())));
        return numbers;
    }

    private static List<String> texts(YamlNode node, String key) {
        List<String> texts = new ArrayList<>();
        node.get(key).ifPresent(list -> list.items().forEach(i -> texts.add(i.text())));
        return texts;
    }

    private String history(Programme programme, List<String[]> sites, YearMonth thisMonth) {
        Random random = new Random(301);
        StringBuilder csv = new StringBuilder("kpi,period,subject_type,subject,value,numerator,denominator,source\n");
        YearMonth first = thisMonth.minusMonths(MONTHS);
        List<DemoRepository.KpiPerson> people = repository.kpiPeople();
        Map<String, Integer> units = repository.staffedUnits();
        for (int m = 0; m < MONTHS; m++) {
            YearMonth month = first.plusMonths(m);
            for (DemoRepository.KpiPerson p : people) {
                if (YearMonth.from(p.hired()).isAfter(month)) {
                    continue;
                }
                boolean monitor = p.role().equals("CRA") || p.role().equals("SCRA");
                if (monitor || p.role().equals("QAA") || p.role().equals("CTM")) {
                    row(csv, "CAPA-CLOSURE-DAYS", month, "person", p.number(), capaDays(programme, p, month, random), "QMS");
                }
                if (monitor) {
                    row(csv, "MONITORING-REPORT-DAYS", month, "person", p.number(), 10.5 + random.nextGaussian() * 2.5, "CTMS");
                }
                if (p.role().equals("CRC")) {
                    row(csv, "EDC-ENTRY-DAYS", month, "person", p.number(), 5.8 - m * 0.03 + random.nextGaussian() * 1.5, "EDC");
                }
            }
            for (Map.Entry<String, Integer> unit : units.entrySet()) {
                row(csv, "ENGAGEMENT", month, "org_unit", unit.getKey(), 71 + m * 0.15 + random.nextGaussian() * 3, "Survey");
                int headcount = unit.getValue();
                int leavers = (int) Math.round(Math.max(0, headcount * 0.06 + random.nextGaussian()));
                rate(csv, "REGRETTABLE-ATTRITION", month, "org_unit", unit.getKey(), leavers, headcount, "HRIS");
            }
            String study = "HLX-ONC-301";
            row(csv, "QUERY-RESOLUTION-DAYS", month, "study", study, 13.5 - m * 0.12 + random.nextGaussian(), "EDC");
            row(csv, "BUDGET-VARIANCE", month, "study", study, Math.abs(4 + random.nextGaussian() * 2.5), "Finance");
            int planned = 12 * (m + 1);
            rate(csv, "ENROLLMENT-VS-TARGET", month, "study", study, (int) Math.round(planned * (0.82 + m * 0.006)), planned, "CTMS");
            if (m % 8 == 5) {
                row(csv, "AUDIT-FINDINGS-CRITICAL", month, "study", study, 0, "QMS");
                rate(csv, "AUDIT-FINDINGS-MAJOR", month, "study", study, m < 12 ? 3 : 1, 1, "QMS");
                rate(csv, "AUDIT-FINDINGS-MINOR", month, "study", study, 4 + random.nextInt(4), 1, "QMS");
            }
            for (String[] site : sites) {
                int activatedAgo = Integer.parseInt(site[1]);
                YearMonth activated = thisMonth.minusMonths(activatedAgo);
                if (month.equals(activated)) {
                    row(csv, "SITE-ACTIVATION-DAYS", month, "site", site[0], 110 + random.nextInt(80), "CTMS");
                }
                if (month.isAfter(activated)) {
                    int visits = 20 + random.nextInt(30);
                    rate(csv, "PROTOCOL-DEVIATIONS", month, "site", site[0], Math.max(0, (int) Math.round(visits * 0.025
                            + random.nextGaussian())), visits, "CTMS");
                    int saes = random.nextInt(4);
                    if (saes > 0) {
                        rate(csv, "SAE-TIMELINESS", month, "site", site[0], random.nextDouble() < 0.85 ? saes : saes - 1, saes,
                                "Safety database");
                    }
                }
            }
        }
        return csv.toString();
    }

    /** About 42 days; for participants falling to about 29 over the three months after the programme starts. */
    static double capaDays(Programme programme, DemoRepository.KpiPerson p, YearMonth month, Random random) {
        double base = 42 - month.getMonthValue() % 3 * 0.5;
        double noise = random.nextGaussian() * 5;
        if (programme.participants().contains(p.number()) && !month.isBefore(programme.start())) {
            long since = programme.start().until(month, java.time.temporal.ChronoUnit.MONTHS);
            return Math.max(5, base - 13 * Math.min(1.0, (since + 1) / 3.0) + noise);
        }
        return Math.max(5, base - 0.05 * programme.start().minusMonths(MONTHS).until(month, java.time.temporal.ChronoUnit.MONTHS) + noise);
    }

    private static void row(StringBuilder csv, String kpi, YearMonth month, String type, String subject, double value, String source) {
        csv.append(kpi).append(',').append(month).append(',').append(type).append(',').append(subject).append(',')
                .append(String.format(Locale.ROOT, "%.1f", value)).append(",,,").append(source).append('\n');
    }

    private static void rate(StringBuilder csv, String kpi, YearMonth month, String type, String subject, int numerator,
                             int denominator, String source) {
        csv.append(kpi).append(',').append(month).append(',').append(type).append(',').append(subject).append(",,")
                .append(numerator).append(',').append(denominator).append(',').append(source).append('\n');
    }
}
