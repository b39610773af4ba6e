package org.clinlead.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinlead.core.content.ContentException;
import org.clinlead.core.content.ContentProblem;
import org.clinlead.core.content.YamlNode;

/**
 * Reads the course catalogue and the training matrix (docs/content-format.md, "Courses"). Every
 * problem is collected with its file and line; a file with problems is rejected whole.
 */
public final class CatalogueYaml {

    private static final Set<String> KEYS = Set.of("code", "title", "type", "module", "provider", "description",
            "durationMinutes", "validityMonths", "regulated", "gcp", "topics", "competencies", "cost", "currency",
            "retrainingDays", "retakes", "signImported", "versions");

    /** A cell of the training matrix: a role requires a course within so many days. */
    public record MatrixEntry(String roleCode, String courseCode, int dueWithinDays) {
    }

    private CatalogueYaml() {
    }

    public static List<CourseDefinition> readCatalogue(String file, String text) {
        List<ContentProblem> problems = new ArrayList<>();
        YamlNode root = YamlNode.parse(file, text, problems);
        List<CourseDefinition> courses = new ArrayList<>();
        if (problems.isEmpty()) {
            root.allowOnly("courses");
            YamlNode list = root.get("courses").orElse(null);
            if (list == null) {
                root.problem("\"courses\" is missing.");
            } else {
                Set<String> codes = new HashSet<>();
                for (YamlNode item : list.items()) {
                    CourseDefinition course = readCourse(item);
                    if (course != null && !codes.add(course.code())) {
                        item.problem("Course " + course.code() + " appears twice.");
                    } else if (course != null) {
                        courses.add(course);
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ContentException(problems);
        }
        return courses;
    }

    private static CourseDefinition readCourse(YamlNode c) {
        c.allowOnly(KEYS.toArray(String[]::new));
        int before = c.problems().size();
        String code = c.requiredText("code");
        if (code != null && !code.matches("[A-Z][A-Z0-9-]{1,31}")) {
            c.problem("Course code \"" + code + "\": use capital letters, digits and '-', 2 to 32 characters.");
        }
        String title = c.requiredText("title");
        String typeText = c.requiredText("type");
        CourseType type = null;
        if (typeText != null) {
            try {
                type = CourseType.of(typeText);
            } catch (IllegalArgumentException e) {
                c.problem("\"type\" must be in_app, external, instructor_led, read_and_understand or on_the_job, not \""
                        + typeText + "\".");
            }
        }
        String module = c.optionalText("module", null);
        if (type == CourseType.IN_APP && module == null) {
            c.problem("An in_app course names its module folder (\"module\").");
        } else if (type != null && type != CourseType.IN_APP && module != null) {
            c.problem("Only in_app courses have a module.");
        } else if (module != null && !module.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            c.problem("Module \"" + module + "\": use lower-case letters, digits and '-'.");
        }
        Integer duration = c.requiredInt("durationMinutes", 1, 10_000);
        Integer validity = c.get("validityMonths").map(v -> v.intValue("validityMonths", 1, 240)).orElse(null);
        boolean regulated = bool(c, "regulated", true);
        boolean gcp = bool(c, "gcp", false);
        List<String> topics = new ArrayList<>();
        c.get("topics").ifPresent(t -> t.items().forEach(i -> {
            String topic = i.text();
            if (topic != null && !topic.isBlank()) {
                topics.add(topic);
            }
        }));
        List<CourseDefinition.CompetencyRef> competencies = new ArrayList<>();
        c.get("competencies").ifPresent(list -> list.items().forEach(i -> {
            String ref = i.text();
            if (ref == null) {
                return;
            }
            String[] parts = ref.split("/");
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                i.problem("Competency \"" + ref + "\": write FRAMEWORK/CODE, e.g. CR-CORE/OPS-01.");
            } else {
                competencies.add(new CourseDefinition.CompetencyRef(parts[0].trim(), parts[1].trim()));
            }
        }));
        BigDecimal cost = BigDecimal.ZERO;
        String costText = c.optionalText("cost", null);
        if (costText != null) {
            try {
                cost = new BigDecimal(costText);
                if (cost.signum() < 0) {
                    c.problem("\"cost\" cannot be negative.");
                }
            } catch (NumberFormatException e) {
                c.problem("\"cost\" must be a number, not \"" + costText + "\".");
            }
        }
        String currency = c.optionalText("currency", "EUR");
        if (!currency.matches("[A-Z]{3}")) {
            c.problem("\"currency\" is a three-letter code such as EUR or USD.");
        }
        Integer retraining = c.get("retrainingDays").map(v -> v.intValue("retrainingDays", 0, 365)).orElse(30);
        RetakePolicy retakes = c.get("retakes").map(CatalogueYaml::readRetakes).orElse(RetakePolicy.NONE);
        if (c.get("retakes").isPresent() && type != null && type != CourseType.IN_APP) {
            c.problem("\"retakes\" is for the quiz of an in_app course.");
        }
        boolean signImported = bool(c, "signImported", false);
        List<CourseDefinition.Version> versions = readVersions(c);
        if (c.problems().size() > before) {
            return null;
        }
        return new CourseDefinition(code, title, type, module, c.optionalText("provider", null),
                c.optionalText("description", ""), duration, validity, regulated, gcp, List.copyOf(topics),
                List.copyOf(competencies), cost, currency, retraining, retakes, signImported, versions);
    }

    /** {@code retakes: {maxAttempts: 3, waitHours: 24, questionsPerAttempt: 10}}; each key optional. */
    private static RetakePolicy readRetakes(YamlNode node) {
        node.allowOnly("maxAttempts", "waitHours", "questionsPerAttempt");
        Integer max = node.get("maxAttempts").map(v -> v.intValue("maxAttempts", 1, 20)).orElse(null);
        Integer wait = node.get("waitHours").map(v -> v.intValue("waitHours", 0, 720)).orElse(0);
        Integer draw = node.get("questionsPerAttempt").map(v -> v.intValue("questionsPerAttempt", 1, 100)).orElse(null);
        return new RetakePolicy(max, wait == null ? 0 : wait, draw);
    }

    private static List<CourseDefinition.Version> readVersions(YamlNode c) {
        List<CourseDefinition.Version> versions = new ArrayList<>();
        YamlNode list = c.get("versions").orElse(null);
        if (list == null) {
            c.problem("\"versions\" is missing: list at least the current version.");
            return versions;
        }
        for (YamlNode v : list.items()) {
            v.allowOnly("version", "effectiveOn", "change");
            String number = v.requiredText("version");
            var parsed = CourseVersionNumber.parse(number);
            if (number != null && parsed.isEmpty()) {
                v.problem("Version \"" + number + "\": write major.minor, e.g. 2.0.");
            }
            LocalDate effective = date(v, "effectiveOn");
            if (parsed.isPresent() && effective != null) {
                if (!versions.isEmpty() && parsed.get().compareTo(versions.getLast().number()) <= 0) {
                    v.problem("Versions are listed oldest first; " + number + " does not follow " + versions.getLast().number() + ".");
                } else if (!versions.isEmpty() && effective.isBefore(versions.getLast().effectiveOn())) {
                    v.problem("Version " + number + " takes effect before the version it follows.");
                }
                versions.add(new CourseDefinition.Version(parsed.get(), effective, v.optionalText("change", "")));
            }
        }
        if (versions.isEmpty() && list.items().isEmpty()) {
            list.problem("List at least one version.");
        }
        return List.copyOf(versions);
    }

    /**
     * Reads the training matrix against the known courses and job roles.
     *
     * @return one entry per role and course
     */
    public static List<MatrixEntry> readMatrix(String file, String text, Set<String> courses, Set<String> roles) {
        List<ContentProblem> problems = new ArrayList<>();
        YamlNode root = YamlNode.parse(file, text, problems);
        List<MatrixEntry> entries = new ArrayList<>();
        if (problems.isEmpty()) {
            root.allowOnly("defaults", "roles");
            int defaultDue = root.get("defaults").map(d -> {
                d.allowOnly("dueWithinDays");
                return d.get("dueWithinDays").map(v -> v.intValue("dueWithinDays", 0, 730)).orElse(30);
            }).orElse(30);
            Map<String, YamlNode> byRole = root.get("roles").map(YamlNode::entries).orElse(new LinkedHashMap<>());
            if (root.get("roles").isEmpty()) {
                root.problem("\"roles\" is missing.");
            }
            byRole.forEach((role, list) -> {
                if (!roles.contains(role)) {
                    list.problem("There is no job role " + role + ".");
                    return;
                }
                Set<String> seen = new HashSet<>();
                for (YamlNode item : list.items()) {
                    String course;
                    Integer due = defaultDue;
                    if (item.isMap()) {
                        item.allowOnly("course", "dueWithinDays");
                        course = item.requiredText("course");
                        due = item.get("dueWithinDays").map(v -> v.intValue("dueWithinDays", 0, 730)).orElse(defaultDue);
                    } else {
                        course = item.text();
                    }
                    if (course == null || due == null) {
                        continue;
                    }
                    if (!courses.contains(course)) {
                        item.problem("There is no course " + course + " in the catalogue.");
                    } else if (!seen.add(course)) {
                        item.problem(role + " lists " + course + " twice.");
                    } else {
                        entries.add(new MatrixEntry(role, course, due));
                    }
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new ContentException(problems);
        }
        return entries;
    }

    private static boolean bool(YamlNode node, String key, boolean fallback) {
        String text = node.optionalText(key, null);
        if (text == null) {
            return fallback;
        }
        if (!text.equals("true") && !text.equals("false")) {
            node.problem("\"" + key + "\" is true or false, not \"" + text + "\".");
            return fallback;
        }
        return Boolean.parseBoolean(text);
    }

    static LocalDate date(YamlNode node, String key) {
        String text = node.requiredText(key);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            node.problem("\"" + key + "\" must be a date like 2026-01-31, not \"" + text + "\".");
            return null;
        }
    }
}
