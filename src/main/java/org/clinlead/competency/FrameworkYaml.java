package org.clinlead.competency;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.clinlead.core.content.ContentException;
import org.clinlead.core.content.ContentProblem;
import org.clinlead.core.content.YamlNode;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Reads and writes the framework file format described in docs/content-format.md. */
public final class FrameworkYaml {

    private static final String CODE = "[A-Z][A-Z0-9_-]{1,31}";
    private static final String DOMAIN_CODE = "[A-Z][A-Z0-9_-]{0,31}";

    private FrameworkYaml() {
    }

    /**
     * Parses and checks a framework file. Every problem found is reported with its line, and
     * nothing is returned unless the file is entirely right.
     *
     * @param knownRoles the job role codes role profiles may name
     */
    public static FrameworkDocument read(String file, String text, Set<String> knownRoles) {
        List<ContentProblem> problems = new ArrayList<>();
        YamlNode root = YamlNode.parse(file, text, problems);
        root.allowOnly("code", "name", "description", "version", "label", "status", "changeNote", "levels",
                "domains", "roleProfiles");
        String code = root.requiredText("code");
        if (code != null && !code.matches(CODE)) {
            root.get("code").ifPresent(n -> n.problem("The framework code \"" + code
                    + "\" must be 2 to 32 capital letters, digits, dashes or underscores, starting with a letter."));
        }
        String name = root.requiredText("name");
        String description = root.optionalText("description", "");
        Integer version = root.requiredInt("version", 1, 9999);
        String label = root.optionalText("label", "");
        String status = root.optionalText("status", "draft");
        if (!status.equals("draft") && !status.equals("published")) {
            root.get("status").ifPresent(n -> n.problem("The status must be draft or published, not \"" + status + "\"."));
        }
        String changeNote = root.optionalText("changeNote", "");

        List<FrameworkDocument.Level> levels = readLevels(root, problems);
        Set<Integer> levelNumbers = new HashSet<>();
        levels.forEach(l -> levelNumbers.add(l.level()));
        List<FrameworkDocument.Domain> domains = readDomains(root, levelNumbers);
        Set<String> competencyCodes = new HashSet<>();
        domains.forEach(d -> d.competencies().forEach(c -> competencyCodes.add(c.code())));
        Map<String, Map<String, Integer>> profiles = readProfiles(root, knownRoles, competencyCodes, levelNumbers);

        if (!problems.isEmpty()) {
            throw new ContentException(problems);
        }
        return new FrameworkDocument(code, name, description, version, label, status, changeNote, levels, domains,
                profiles);
    }

    private static List<FrameworkDocument.Level> readLevels(YamlNode root, List<ContentProblem> problems) {
        List<FrameworkDocument.Level> levels = new ArrayList<>();
        YamlNode node = root.get("levels").orElse(null);
        if (node == null) {
            root.problem("\"levels\" is missing: list the proficiency levels, e.g. Fundamental, Skilled, Advanced.");
            return levels;
        }
        int expected = 1;
        for (YamlNode item : node.items()) {
            item.allowOnly("level", "name", "description");
            Integer level = item.requiredInt("level", 1, 9);
            String name = item.requiredText("name");
            if (level != null && level != expected) {
                item.problem("Levels are numbered 1, 2, 3 … in order; expected " + expected + " here, not " + level + ".");
            }
            expected++;
            if (level != null && name != null) {
                levels.add(new FrameworkDocument.Level(level, name, item.optionalText("description", "")));
            }
        }
        if (levels.size() < 2 && problems.isEmpty()) {
            node.problem("A framework needs at least two proficiency levels.");
        }
        return levels;
    }

    private static List<FrameworkDocument.Domain> readDomains(YamlNode root, Set<Integer> levelNumbers) {
        List<FrameworkDocument.Domain> domains = new ArrayList<>();
        YamlNode node = root.get("domains").orElse(null);
        if (node == null) {
            root.problem("\"domains\" is missing.");
            return domains;
        }
        Set<String> domainCodes = new HashSet<>();
        Set<String> competencyCodes = new HashSet<>();
        for (YamlNode item : node.items()) {
            item.allowOnly("code", "name", "description", "competencies");
            String code = item.requiredText("code");
            if (code != null && !code.matches(DOMAIN_CODE)) {
                item.problem("The domain code \"" + code + "\" must be capital letters, digits, dashes or underscores.");
            } else if (code != null && !domainCodes.add(code)) {
                item.problem("The domain code " + code + " is used twice.");
            }
            String name = item.requiredText("name");
            List<FrameworkDocument.Competency> competencies = new ArrayList<>();
            YamlNode list = item.get("competencies").orElse(null);
            if (list == null) {
                item.problem("Domain " + code + " has no \"competencies\".");
            } else {
                for (YamlNode c : list.items()) {
                    FrameworkDocument.Competency competency = readCompetency(c, levelNumbers, competencyCodes);
                    if (competency != null) {
                        competencies.add(competency);
                    }
                }
            }
            domains.add(new FrameworkDocument.Domain(code, name, item.optionalText("description", ""), competencies));
        }
        return domains;
    }

    private static FrameworkDocument.Competency readCompetency(YamlNode c, Set<Integer> levelNumbers,
                                                               Set<String> competencyCodes) {
        c.allowOnly("code", "name", "description", "levels");
        String code = c.requiredText("code");
        if (code != null && !code.matches(CODE)) {
            c.problem("The competency code \"" + code + "\" must be 2 to 32 capital letters, digits, dashes or underscores.");
        } else if (code != null && !competencyCodes.add(code)) {
            c.problem("The competency code " + code + " is used twice.");
        }
        String name = c.requiredText("name");
        SortedMap<Integer, FrameworkDocument.LevelDescriptor> levels = new TreeMap<>();
        YamlNode levelsNode = c.get("levels").orElse(null);
        if (levelsNode == null) {
            c.problem("Competency " + code + " has no \"levels\" with descriptors.");
        } else {
            for (Map.Entry<String, YamlNode> entry : levelsNode.entries().entrySet()) {
                YamlNode value = entry.getValue();
                int level;
                try {
                    level = Integer.parseInt(entry.getKey());
                } catch (NumberFormatException e) {
                    value.problem("Level keys are level numbers, not \"" + entry.getKey() + "\".");
                    continue;
                }
                if (!levelNumbers.contains(level)) {
                    value.problem("Competency " + code + " describes level " + level + ", which the framework does not have.");
                    continue;
                }
                value.allowOnly("descriptor", "indicators");
                String descriptor = value.requiredText("descriptor");
                List<String> indicators = new ArrayList<>();
                value.get("indicators").ifPresent(list -> list.items().forEach(i -> {
                    String t = i.text();
                    if (t != null && !t.isEmpty()) {
                        indicators.add(t);
                    }
                }));
                if (descriptor != null) {
                    levels.put(level, new FrameworkDocument.LevelDescriptor(descriptor, List.copyOf(indicators)));
                }
            }
        }
        if (code == null || name == null) {
            return null;
        }
        return new FrameworkDocument.Competency(code, name, c.optionalText("description", ""), levels);
    }

    private static Map<String, Map<String, Integer>> readProfiles(YamlNode root, Set<String> knownRoles,
                                                                  Set<String> competencyCodes, Set<Integer> levelNumbers) {
        Map<String, Map<String, Integer>> profiles = new LinkedHashMap<>();
        YamlNode node = root.get("roleProfiles").orElse(null);
        if (node == null) {
            return profiles;
        }
        int maxLevel = levelNumbers.stream().mapToInt(Integer::intValue).max().orElse(1);
        for (Map.Entry<String, YamlNode> role : node.entries().entrySet()) {
            if (!knownRoles.contains(role.getKey())) {
                role.getValue().problem("There is no job role " + role.getKey() + "; known roles: "
                        + String.join(", ", new java.util.TreeSet<>(knownRoles)) + ".");
                continue;
            }
            Map<String, Integer> requirements = new LinkedHashMap<>();
            for (Map.Entry<String, YamlNode> req : role.getValue().entries().entrySet()) {
                if (!competencyCodes.contains(req.getKey())) {
                    req.getValue().problem("Role " + role.getKey() + " names competency " + req.getKey()
                            + ", which this framework does not have.");
                    continue;
                }
                Integer level = req.getValue().intValue(req.getKey(), 1, maxLevel);
                if (level != null) {
                    requirements.put(req.getKey(), level);
                }
            }
            profiles.put(role.getKey(), requirements);
        }
        return profiles;
    }

    /** Writes a framework in the content format; reading the result gives the same document. */
    public static String write(FrameworkDocument doc) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("code", doc.code());
        root.put("name", doc.name());
        root.put("description", doc.description());
        root.put("version", doc.versionNo());
        root.put("label", doc.label());
        root.put("status", doc.status().equals("retired") ? "published" : doc.status());
        root.put("changeNote", doc.changeNote());
        List<Object> levels = new ArrayList<>();
        for (FrameworkDocument.Level level : doc.levels()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("level", level.level());
            l.put("name", level.name());
            l.put("description", level.description());
            levels.add(l);
        }
        root.put("levels", levels);
        List<Object> domains = new ArrayList<>();
        for (FrameworkDocument.Domain domain : doc.domains()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("code", domain.code());
            d.put("name", domain.name());
            d.put("description", domain.description());
            List<Object> competencies = new ArrayList<>();
            for (FrameworkDocument.Competency competency : domain.competencies()) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("code", competency.code());
                c.put("name", competency.name());
                c.put("description", competency.description());
                Map<Integer, Object> byLevel = new LinkedHashMap<>();
                competency.levels().forEach((level, descriptor) -> {
                    Map<String, Object> value = new LinkedHashMap<>();
                    value.put("descriptor", descriptor.descriptor());
                    value.put("indicators", descriptor.indicators());
                    byLevel.put(level, value);
                });
                c.put("levels", byLevel);
                competencies.add(c);
            }
            d.put("competencies", competencies);
            domains.add(d);
        }
        root.put("domains", domains);
        root.put("roleProfiles", doc.roleProfiles());
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(110);
        options.setSplitLines(true);
        return "# ClinLead competency framework; format: docs/content-format.md\n" + new Yaml(options).dump(root);
    }
}
