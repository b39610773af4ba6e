package org.clinlead.content;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.clinlead.core.content.DemoAccounts;
import org.clinlead.core.security.ClinLeadUserDetails;
import org.clinlead.core.security.UserAccountService;
import org.clinlead.db.tables.records.CertificationRecord;
import org.clinlead.db.tables.records.TrainingCompletionRecord;
import org.clinlead.training.AssignmentService;
import org.clinlead.training.CertificationForm;
import org.clinlead.training.CourseForm;
import org.clinlead.training.CourseQuery;
import org.clinlead.training.CourseService;
import org.clinlead.training.CourseSummary;
import org.clinlead.training.CourseType;
import org.clinlead.training.RetakePolicy;
import org.clinlead.training.ExternalCompletionForm;
import org.clinlead.training.LearningService;
import org.clinlead.training.Module;
import org.clinlead.training.ModuleLibrary;
import org.clinlead.training.QuizPaper;
import org.clinlead.training.QuizResult;
import org.clinlead.training.RecordService;
import org.clinlead.training.Requirement;
import org.clinlead.training.StudyForm;
import org.clinlead.training.StudyService;
import org.clinlead.training.StudyTask;
import org.clinlead.training.TrainingQuery;
import org.clinlead.training.Upload;
import org.openpdf.text.Document;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The demo organisation's training history: records from a previous LMS for what each role
 * requires (mostly current, some overdue, some expiring or expired, the SOP-MON-001 3.0
 * retraining under way), one study team with its own training, certifications, two external
 * records waiting for HR, and, through the real services with the demo password, Sofia passing
 * and signing a module and HR verifying a record and approving a waiver. Reproducible: every
 * random choice comes from a fixed seed, dates are relative to today.
 */
@Component
class DemoTraining {

    private static final String SOFIA = "E10102";
    private static final String LUKAS = "E10101";

    private final DemoRepository repository;
    private final CourseQuery courses;
    private final CourseService courseService;
    private final StudyService studies;
    private final AssignmentService assignments;
    private final LearningService learning;
    private final RecordService records;
    private final TrainingQuery training;
    private final ModuleLibrary modules;
    private final UserAccountService accounts;
    private final Random random = new Random(4242);

    DemoTraining(DemoRepository repository, CourseQuery courses, CourseService courseService, StudyService studies,
                 AssignmentService assignments, LearningService learning, RecordService records, TrainingQuery training,
                 ModuleLibrary modules, UserAccountService accounts) {
        this.repository = repository;
        this.courses = courses;
        this.courseService = courseService;
        this.studies = studies;
        this.assignments = assignments;
        this.learning = learning;
        this.records = records;
        this.training = training;
        this.modules = modules;
        this.accounts = accounts;
    }

    void load() {
        LocalDate today = LocalDate.now();
        history(today);
        study(today);
        certifications(today);
        assignments.regenerateAll();
        asUser("staff", () -> sofiaPassesAModule());
        asUser("staff", () -> records.recordExternal(new ExternalCompletionForm(null, course("GDPR-CT").id(), null,
                today.minusDays(4), BigDecimal.valueOf(88), null, null), certificate("Sofia Weber", "Data protection in clinical research"),
                null, "Europe/Berlin"));
        asUser("staff", () -> records.recordCertification(new CertificationForm(null, "GCP", "GCP for site staff and monitors",
                "Online GCP provider", "GCP-2024-118377", today.minusMonths(30), today.plusMonths(6)),
                certificate("Sofia Weber", "GCP for site staff and monitors")));
        long colleague = repository.employeeId("E10017").orElseThrow();
        asUser("hr", () -> {
            long id = records.recordExternal(new ExternalCompletionForm(colleague, course("GDPR-CT").id(), null, today.minusDays(20),
                    BigDecimal.valueOf(91), null, null), certificate("Colleague", "Data protection in clinical research"),
                    DemoAccounts.PASSWORD, "Europe/London");
            waiveOne();
            return id;
        });
    }

    /** Records from the previous LMS for every role requirement, with a believable spread of states. */
    private void history(LocalDate today) {
        Map<Long, List<long[]>> versions = repository.courseVersions();
        List<TrainingCompletionRecord> rows = new ArrayList<>();
        for (DemoRepository.DemoRequirement r : repository.roleRequirements()) {
            String scenario = r.employeeNumber().equals(SOFIA) ? sofia(r.courseCode()) : scenario(r);
            if (scenario.equals("none") || r.courseType().equals(CourseType.IN_APP.db()) && random.nextDouble() < 0.05) {
                continue;
            }
            LocalDate earliest = r.roleSince().isAfter(r.hired()) ? r.roleSince() : r.hired();
            LocalDate date = switch (scenario) {
                case "expiring" -> today.minusMonths(r.validityMonths()).plusDays(10 + random.nextInt(75));
                case "expired" -> today.minusMonths(r.validityMonths()).minusDays(5 + random.nextInt(50));
                default -> {
                    LocalDate from = r.validityMonths() == null ? earliest
                            : later(earliest, today.minusMonths(r.validityMonths()).plusDays(120));
                    long span = Math.max(1, today.minusDays(5).toEpochDay() - from.toEpochDay());
                    yield from.plusDays((long) (random.nextDouble() * span));
                }
            };
            if (date.isBefore(earliest) || date.isAfter(today)) {
                date = later(earliest, today.minusDays(30));
            }
            long[] version = versionOn(versions.get(r.courseId()), date);
            if (version == null) {
                date = LocalDate.ofEpochDay(versions.get(r.courseId()).getFirst()[2]).plusDays(3 + random.nextInt(20));
                if (date.isAfter(today)) {
                    continue;
                }
                version = versionOn(versions.get(r.courseId()), date);
            }
            rows.add(record(r, date, version, rows.size()));
            // most people retrained on a major version that took effect after their record
            long[] latest = versionOn(versions.get(r.courseId()), today);
            if (latest[0] > version[0] && !r.employeeNumber().equals(SOFIA) && random.nextDouble() < 0.7) {
                LocalDate since = LocalDate.ofEpochDay(firstOfMajor(versions.get(r.courseId()), latest[0]));
                long span = Math.max(1, today.toEpochDay() - since.toEpochDay());
                rows.add(record(r, since.plusDays((long) (random.nextDouble() * span)), latest, rows.size()));
            }
        }
        repository.insertHistory(rows);
    }

    private String scenario(DemoRepository.DemoRequirement r) {
        double p = random.nextDouble();
        if (p < 0.05) {
            return "none";
        }
        if (r.validityMonths() != null && p < 0.12) {
            return "expiring";
        }
        if (r.validityMonths() != null && p < 0.15) {
            return "expired";
        }
        return "current";
    }

    /** Sofia: CONSENT to do in the app, SAFETY-DRILL expiring soon, GCP-E6R3 she passes in the demo itself. */
    private static String sofia(String code) {
        return switch (code) {
            case "CONSENT", "GCP-E6R3", "GDPR-CT" -> "none";
            case "SAFETY-DRILL" -> "expiring";
            default -> "current";
        };
    }

    private TrainingCompletionRecord record(DemoRepository.DemoRequirement r, LocalDate date, long[] version, int n) {
        TrainingCompletionRecord c = new TrainingCompletionRecord();
        c.setEmployeeId(r.employeeId());
        c.setCourseId(r.courseId());
        c.setVersionMajor((int) version[0]);
        c.setVersionMinor((int) version[1]);
        c.setCompletedOn(date);
        c.setExpiresOn(r.validityMonths() == null ? null : date.plusMonths(r.validityMonths()));
        c.setMethod(r.courseType());
        c.setSource("import");
        boolean scored = r.courseType().equals("in_app") || r.courseType().equals("external");
        c.setScore(scored ? BigDecimal.valueOf(80 + random.nextInt(21)) : null);
        c.setProvider(r.courseType().equals("external") ? "Online provider" : null);
        c.setTrainer(r.courseType().equals("on_the_job") || r.courseType().equals("instructor_led") ? "Senior CRA mentor" : null);
        c.setStatus("complete");
        c.setRecordedBy("import by Demo history");
        c.setVerifiedBy("import by Demo history");
        c.setVerifiedAt(OffsetDateTime.now());
        c.setImportKey("LegacyLMS:" + r.employeeNumber() + "-" + r.courseCode() + "-" + n);
        return c;
    }

    /** HLX-ONC-301: an active Phase III study with a team, its protocol training and a pharmacy manual for IP handlers. */
    private void study(LocalDate today) {
        long protocol = courseService.create(new CourseForm("PROT-HLX-301", "Protocol HLX-ONC-301 training",
                CourseType.READ_AND_UNDERSTAND, null, "Protocol, amendments and study procedures of HLX-ONC-301.", 60, null, true,
                false, List.of("ICH E6(R3)"), BigDecimal.ZERO, "EUR", 14, true, RetakePolicy.NONE, false), "4.0", today.minusDays(150));
        long pharmacy = courseService.create(new CourseForm("PM-HLX-101", "HLX-101 pharmacy manual",
                CourseType.READ_AND_UNDERSTAND, null, "Storage, preparation, dosing and accountability of HLX-101.", 30, null, true,
                false, List.of(), BigDecimal.ZERO, "EUR", 14, true, RetakePolicy.NONE, false), "2.0", today.minusDays(200));
        long unit = repository.orgUnitId("STUDY-ONC").orElseThrow();
        long study = studies.create(new StudyForm("HLX-ONC-301", "HLX-101 with standard of care versus standard of care in "
                + "first-line metastatic NSCLC: a randomised Phase III study", "III", today.minusDays(120), null, "active", unit));
        studies.setCourse(study, protocol, Set.of(), 14);
        studies.setCourse(study, pharmacy, Set.of(StudyTask.IP_MANAGEMENT), 14);
        List<Long> team = new ArrayList<>(repository.employeesIn("STUDY-ONC"));
        team = team.subList(0, Math.min(6, team.size()));
        List<Long> members = new ArrayList<>(team);
        members.add(repository.employeeId(SOFIA).orElseThrow());
        members.add(repository.employeeId(LUKAS).orElseThrow());
        members.addAll(repository.employeesIn("CO-EU-DE", "CRA").stream().filter(id -> !members.contains(id)).limit(3).toList());
        for (int i = 0; i < members.size(); i++) {
            Set<StudyTask> tasks = members.get(i).equals(repository.employeeId(LUKAS).orElseThrow())
                    ? Set.of(StudyTask.PROJECT_MANAGEMENT)
                    : i % 3 == 0 ? Set.of(StudyTask.MONITORING, StudyTask.IP_MANAGEMENT) : Set.of(StudyTask.MONITORING);
            studies.addMember(study, members.get(i), tasks, today.minusDays(110 - i * 7L));
        }
        // most of the team has done the protocol training; two have not yet
        for (int i = 2; i < members.size(); i++) {
            historic(members.get(i), "PROT-HLX-301", today.minusDays(100 - i * 7L), "4.0");
        }
    }

    private void certifications(LocalDate today) {
        List<CertificationRecord> rows = new ArrayList<>();
        List<Long> people = repository.employeesIn("CO-EU%", "SCRA", "CRA", "CTM", "COM");
        String[][] kinds = {{"CCRA", "Certified Clinical Research Associate", "ACRP"},
                {"CCRP", "Certified Clinical Research Professional", "SOCRA"}, {"PMP", "Project Management Professional", "PMI"}};
        for (int i = 0; i < Math.min(12, people.size()); i++) {
            String[] kind = kinds[i % kinds.length];
            LocalDate issued = today.minusDays(200 + random.nextInt(700));
            CertificationRecord c = new CertificationRecord();
            c.setEmployeeId(people.get(i));
            c.setKind(kind[0]);
            c.setName(kind[1]);
            c.setIssuer(kind[2]);
            c.setNumber(kind[0] + "-" + (100000 + random.nextInt(900000)));
            c.setIssuedOn(issued);
            c.setExpiresOn(i == 1 ? today.plusDays(40) : issued.plusYears(kind[0].equals("PMP") ? 3 : 2));
            c.setStatus("verified");
            c.setRecordedBy("import by Demo history");
            c.setVerifiedBy("import by Demo history");
            c.setVerifiedAt(OffsetDateTime.now());
            rows.add(c);
        }
        repository.insertCertifications(rows);
    }

    /** Sofia takes the ICH E6(R3) module, passes with every answer right, and signs with her password. */
    private Object sofiaPassesAModule() {
        CourseSummary gcp = course("GCP-E6R3");
        Module module = modules.module(gcp.module());
        QuizPaper paper = learning.startQuiz(gcp.id());
        Map<String, Set<Integer>> answers = new HashMap<>();
        for (QuizPaper.Question q : paper.questions()) {
            answers.put(q.id(), new HashSet<>(module.quiz().question(q.id()).correctOptions()));
        }
        QuizResult result = learning.submitQuiz(paper.attemptId(), answers);
        learning.signCompletion(result.completionId(), DemoAccounts.PASSWORD, "Europe/Berlin");
        return null;
    }

    /** HR waives one overdue on-the-job requirement for an experienced CRA, with the reason, signed "Approved". */
    private void waiveOne() {
        for (Long id : repository.employeesIn("CO-EU-DE", "CRA")) {
            if (repository.employeeId(SOFIA).orElseThrow().equals(id)) {
                continue;
            }
            var file = training.person(currentUser(), id).orElseThrow();
            for (Requirement r : file.requirements()) {
                if (r.courseCode().equals("OJT-COMON") && r.status().open()) {
                    records.waive(r.assignmentId(), r.version(), "Eight years as a CRA at a CRO; co-monitoring sign-off on file "
                            + "from the previous employer.", DemoAccounts.PASSWORD, "Europe/London");
                    return;
                }
            }
        }
    }

    private void historic(long employeeId, String code, LocalDate date, String version) {
        CourseSummary course = course(code);
        TrainingCompletionRecord c = new TrainingCompletionRecord();
        c.setEmployeeId(employeeId);
        c.setCourseId(course.id());
        c.setVersionMajor(Integer.parseInt(version.substring(0, version.indexOf('.'))));
        c.setVersionMinor(Integer.parseInt(version.substring(version.indexOf('.') + 1)));
        c.setCompletedOn(date);
        c.setMethod(course.type().db());
        c.setSource("import");
        c.setStatus("complete");
        c.setRecordedBy("import by Demo history");
        c.setVerifiedBy("import by Demo history");
        c.setVerifiedAt(OffsetDateTime.now());
        c.setImportKey("LegacyLMS:" + employeeId + "-" + code);
        repository.insertHistory(List.of(c));
    }

    private CourseSummary course(String code) {
        return courses.course(code).orElseThrow();
    }

    private static long[] versionOn(List<long[]> versions, LocalDate date) {
        long[] found = null;
        for (long[] v : versions) {
            if (v[2] <= date.toEpochDay()) {
                found = v;
            }
        }
        return found;
    }

    private static long firstOfMajor(List<long[]> versions, long major) {
        return versions.stream().filter(v -> v[0] == major).mapToLong(v -> v[2]).min().orElseThrow();
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static Upload certificate(String name, String course) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter.getInstance(document, out);
        document.open();
        document.add(new Paragraph("Certificate of completion"));
        document.add(new Paragraph(name + " completed " + course + "."));
        document.close();
        return new Upload("certificate.pdf", out.toByteArray());
    }

    private org.clinlead.core.security.CurrentUser currentUser() {
        return ((ClinLeadUserDetails) SecurityContextHolder.getContext().getAuthentication().getPrincipal()).user();
    }

    /** Runs work as a demo account (the services check its roles and scope, and signatures its password). */
    private <T> T asUser(String username, Supplier<T> work) {
        return DemoSignIn.as(accounts, username, work);
    }
}
