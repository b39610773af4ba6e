package org.clinlead.people;

import java.util.Set;

/** A job role as HR edits it, with the codes of the roles its career path leads to. */
public record JobRoleForm(String code, String name, String family, int careerLevel, String description,
                          Set<String> nextRoleCodes) {
}
