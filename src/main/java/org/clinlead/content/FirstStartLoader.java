package org.clinlead.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.clinlead.competency.FrameworkService;
import org.clinlead.core.content.ContentException;
import org.clinlead.core.content.ContentProblem;
import org.clinlead.core.content.DemoAccounts;
import org.clinlead.core.content.YamlNode;
import org.clinlead.core.imports.ImportReport;
import org.clinlead.core.security.SecurityProperties;
import org.clinlead.core.security.SystemAuthentication;
import org.clinlead.core.security.UserAccountForm;
import org.clinlead.core.security.UserAccountService;
import org.clinlead.kpi.KpiDefinition;
import org.clinlead.kpi.KpiService;
import org.clinlead.kpi.KpiYaml;
import org.clinlead.people.JobRoleCatalogue;
import org.clinlead.people.PeopleService;
import org.clinlead.training.CatalogueYaml;
import org.clinlead.training.CourseDefinition;
import org.clinlead.training.CourseService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Loads content at first start: the job role catalogue, the competency frameworks and the course
 * catalogue with the training matrix (always, when the database has none), the KPI definitions (created or
 * updated at every start), the demo organisation with its KPI history (when {@code clinlead.demo-data} asks for
 * it), and otherwise the first administrator. Each step runs in one transaction; a bad file stops
 * the start with its file, line and reason, and nothing from it is kept.
 */
@Component
class FirstStartLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStartLoader.class);

    private final DemoRepository repository;
    private final PeopleService people;
    private final FrameworkService frameworks;
    private final UserAccountService accounts;
    private final DemoAccounts demoAccounts;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transaction;
    private final DemoAssessments assessments;
    private final CourseService courses;
    private final DemoTraining training;
    private final DemoCoaching coaching;
    private final DemoSuccession succession;
    private final KpiService kpis;
    private final DemoKpis demoKpis;
    private final ContentProperties properties;
    private final SecurityProperties security;
    private final Environment environment;
    private final PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();

    FirstStartLoader(DemoRepository repository, PeopleService people, FrameworkService frameworks,
                     UserAccountService accounts, DemoAccounts demoAccounts, PasswordEncoder passwordEncoder,
                     TransactionTemplate transaction, ContentProperties properties, SecurityProperties security,
                     Environment environment, DemoAssessments assessments, CourseService courses, DemoTraining training,
                     DemoCoaching coaching, DemoSuccession succession, KpiService kpis, DemoKpis demoKpis) {
        this.kpis = kpis;
        this.demoKpis = demoKpis;
        this.assessments = assessments;
        this.courses = courses;
        this.training = training;
        this.coaching = coaching;
        this.succession = succession;
        this.repository = repository;
        this.people = people;
        this.frameworks = frameworks;
        this.accounts = accounts;
        this.demoAccounts = demoAccounts;
        this.passwordEncoder = passwordEncoder;
        this.transaction = transaction;
        this.properties = properties;
        this.security = security;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemAuthentication.run(() -> {
            if (!repository.anyJobRole()) {
                transaction.executeWithoutResult(s -> loadRoles());
            }
            if (!repository.anyFramework()) {
                transaction.executeWithoutResult(s -> loadFrameworks());
            }
            if (!repository.anyCourse()) {
                transaction.executeWithoutResult(s -> loadCourses());
            }
            transaction.executeWithoutResult(s -> loadKpis());
            if (demoWanted() && !demoAccounts.enabled() && !repository.anyEmployee()) {
                transaction.executeWithoutResult(s -> loadDemo());
            }
            // also when a demo database from before the KPIs is started again
            if (demoAccounts.enabled() && !repository.anyKpiObservation() && repository.studyId("HLX-ONC-301").isPresent()) {
                transaction.executeWithoutResult(s -> {
                    var programme = demoKpis.load(read(resources.getResource("classpath:" + DemoKpis.FILE)), YearMonth.now());
                    log.info("Loaded the demo KPI history ({} with {} participants)", programme.name(), programme.participants().size());
                });
            }
        });
        if (!demoAccounts.enabled()) {
            accounts.createFirstAdministrator(security.adminPassword()).ifPresent(password -> log.warn(
                    "\n\n  ClinLead created the first administrator.\n  User name: admin\n  Password:  {}\n"
                            + "  It is shown only now and must be changed at first sign-in.\n", password));
        }
    }

    boolean demoWanted() {
        String mode = properties.demoData() == null ? "auto" : properties.demoData().trim().toLowerCase();
        return switch (mode) {
            case "true" -> true;
            case "false" -> false;
            case "auto" -> !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
            default -> throw new IllegalStateException("clinlead.demo-data must be auto, true or false, not " + mode);
        };
    }

    private void loadRoles() {
        Resource file = resources.getResource("classpath:content/roles.yaml");
        people.loadCatalogue(JobRoleCatalogue.read("content/roles.yaml", read(file)));
        log.info("Loaded the job role catalogue from content/roles.yaml");
    }

    private void loadFrameworks() {
        List<Resource> files = list("classpath*:content/frameworks/*.yaml");
        for (Resource file : files) {
            var result = frameworks.importYaml("content/frameworks/" + file.getFilename(), bytes(file));
            log.info("Loaded content/frameworks/{}: {}", file.getFilename(), result.summary());
        }
    }

    private void loadCourses() {
        String catalogueFile = "content/courses/catalogue.yaml";
        String matrixFile = "content/courses/matrix.yaml";
        List<CourseDefinition> catalogue = CatalogueYaml.readCatalogue(catalogueFile, read(resources.getResource("classpath:" + catalogueFile)));
        var matrix = CatalogueYaml.readMatrix(matrixFile, read(resources.getResource("classpath:" + matrixFile)),
                catalogue.stream().map(CourseDefinition::code).collect(Collectors.toSet()), repository.jobRoleCodes());
        int loaded = courses.loadCatalogue(catalogueFile, catalogue, matrixFile, matrix);
        log.info("Loaded the course catalogue: {} courses, {} training matrix cells", loaded, matrix.size());
    }

    private void loadDemo() {
        loadOrganisation("content/demo/organisation.yaml");
        Resource peopleFile = resources.getResource("classpath:content/demo/people.csv");
        ImportReport report = people.importPeople("content/demo/people.csv", bytes(peopleFile));
        if (!report.accepted()) {
            throw new ContentException(report.problems().stream()
                    .map(p -> new ContentProblem("content/demo/people.csv", p.row(), p.column() + ": " + p.message())).toList());
        }
        List<String> usernames = loadAccounts("content/demo/accounts.yaml");
        assessments.load(DemoKpis.participants(read(resources.getResource("classpath:" + DemoKpis.FILE))));
        training.load();
        coaching.load();
        succession.load();
        demoAccounts.markLoaded(usernames, Instant.now().toString());
        log.info("Loaded the demo organisation: {}", report.summary());
    }

    /** KPI definitions are content: created or updated by code at every start. */
    private void loadKpis() {
        Map<String, KpiDefinition> all = new LinkedHashMap<>();
        for (Resource file : list("classpath*:content/kpis/*.yaml")) {
            KpiYaml.read("content/kpis/" + file.getFilename(), read(file), all).forEach(d -> all.put(d.code(), d));
        }
        int changed = kpis.loadDefinitions(new ArrayList<>(all.values()));
        if (changed > 0) {
            log.info("Loaded {} KPI definitions from content/kpis/ ({} new or changed)", all.size(), changed);
        }
    }

    private void loadOrganisation(String path) {
        List<ContentProblem> problems = new ArrayList<>();
        YamlNode root = YamlNode.parse(path, read(resources.getResource("classpath:" + path)), problems);
        root.get("units").ifPresent(units -> units.items().forEach(unit -> addUnit(unit, null)));
        if (!problems.isEmpty()) {
            throw new ContentException(problems);
        }
    }

    private void addUnit(YamlNode unit, Long parentId) {
        unit.allowOnly("code", "name", "kind", "units");
        String code = unit.requiredText("code");
        String name = unit.requiredText("name");
        if (code == null || name == null) {
            return;
        }
        long id = people.createOrgUnit(code, name, unit.optionalText("kind", "department"), parentId);
        unit.get("units").ifPresent(children -> children.items().forEach(child -> addUnit(child, id)));
    }

    private List<String> loadAccounts(String path) {
        List<ContentProblem> problems = new ArrayList<>();
        YamlNode root = YamlNode.parse(path, read(resources.getResource("classpath:" + path)), problems);
        String hash = passwordEncoder.encode(DemoAccounts.PASSWORD);
        List<String> usernames = new ArrayList<>();
        root.get("accounts").ifPresent(list -> list.items().forEach(item -> {
            item.allowOnly("username", "name", "email", "employee", "roles", "scope");
            String username = item.requiredText("username");
            String employee = item.optionalText("employee", null);
            Long employeeId = employee == null ? null : repository.employeeId(employee).orElse(null);
            if (employee != null && employeeId == null) {
                item.problem("There is no employee " + employee + " in content/demo/people.csv.");
            }
            String scope = item.optionalText("scope", null);
            Long scopeId = scope == null ? null : repository.orgUnitId(scope).orElse(null);
            if (scope != null && scopeId == null) {
                item.problem("There is no organisation unit " + scope + ".");
            }
            Set<String> roles = new LinkedHashSet<>();
            item.get("roles").ifPresent(r -> r.items().forEach(role -> roles.add(role.text())));
            if (username != null && problems.isEmpty()) {
                accounts.createDemoAccount(new UserAccountForm(username, item.requiredText("name"),
                        item.optionalText("email", null), employeeId, scopeId, true, roles), hash);
                usernames.add(username);
            }
        }));
        root.get("coaching").ifPresent(list -> list.items().forEach(item -> {
            item.allowOnly("coach", "coachee", "kind", "since");
            var coach = repository.userId(item.requiredText("coach"));
            var coachee = repository.employeeId(item.requiredText("coachee"));
            if (coach.isEmpty() || coachee.isEmpty()) {
                item.problem("Unknown coach account or coachee employee id.");
                return;
            }
            repository.insertCoaching(coach.get(), coachee.get(), item.optionalText("kind", "coaching"),
                    LocalDate.parse(item.optionalText("since", LocalDate.now().toString())));
        }));
        if (!problems.isEmpty()) {
            throw new ContentException(problems);
        }
        return usernames;
    }

    private List<Resource> list(String pattern) {
        try {
            return Arrays.stream(resources.getResources(pattern))
                    .sorted(Comparator.comparing(r -> String.valueOf(r.getFilename()))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource.getDescription(), e);
        }
    }

    private static String read(Resource resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }
}
