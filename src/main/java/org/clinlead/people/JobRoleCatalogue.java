package org.clinlead.people;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.clinlead.core.content.ContentException;
import org.clinlead.core.content.ContentProblem;
import org.clinlead.core.content.YamlNode;

/** Reads the job role catalogue file (content/roles.yaml; format in docs/content-format.md). */
public final class JobRoleCatalogue {

    private JobRoleCatalogue() {
    }

    public static List<JobRoleForm> read(String file, String text) {
        List<ContentProblem> problems = new ArrayList<>();
        YamlNode root = YamlNode.parse(file, text, problems);
        root.allowOnly("roles");
        List<JobRoleForm> roles = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        root.get("roles").ifPresentOrElse(list -> {
            for (YamlNode item : list.items()) {
                item.allowOnly("code", "name", "family", "level", "description", "leadsTo");
                String code = item.requiredText("code");
                String name = item.requiredText("name");
                String family = item.requiredText("family");
                Integer level = item.requiredInt("level", 1, 10);
                if (code != null && !code.matches("[A-Z][A-Z0-9_-]{1,31}")) {
                    item.problem("The role code \"" + code + "\" must be capital letters, digits, dashes or underscores.");
                } else if (code != null && !codes.add(code)) {
                    item.problem("The role code " + code + " is used twice.");
                }
                if (family != null && !JobRole.FAMILIES.contains(family)) {
                    item.problem("Unknown family \"" + family + "\"; use one of " + String.join(", ", JobRole.FAMILIES) + ".");
                }
                Set<String> next = new LinkedHashSet<>();
                item.get("leadsTo").ifPresent(n -> n.items().forEach(i -> {
                    String t = i.text();
                    if (t != null) {
                        next.add(t);
                    }
                }));
                if (code != null && name != null && family != null && level != null) {
                    roles.add(new JobRoleForm(code, name, family, level, item.optionalText("description", ""), next));
                }
            }
        }, () -> root.problem("\"roles\" is missing."));
        for (JobRoleForm role : roles) {
            for (String next : role.nextRoleCodes()) {
                if (!codes.contains(next)) {
                    problems.add(new ContentProblem(file, 0, "Role " + role.code() + " leads to " + next + ", which is not in the file."));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ContentException(problems);
        }
        return roles;
    }
}
