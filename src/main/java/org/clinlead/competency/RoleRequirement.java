package org.clinlead.competency;

import java.util.List;

/** What a job role requires of one competency, with the descriptor of the required level. */
public record RoleRequirement(String frameworkName, String domainName, String competencyCode, String competencyName,
                              int requiredLevel, String levelName, String descriptor, List<String> indicators) {
}
