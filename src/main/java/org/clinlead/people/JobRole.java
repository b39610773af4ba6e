package org.clinlead.people;

import java.util.List;

/** A job role in the catalogue, with the roles its career path leads to. */
public record JobRole(long id, String code, String name, String family, int careerLevel, String description,
                      List<String> nextRoleCodes) {

    public static final List<String> FAMILIES = List.of("clinical_operations", "study_management", "site_management",
            "quality", "data", "leadership", "people_and_learning");
}
