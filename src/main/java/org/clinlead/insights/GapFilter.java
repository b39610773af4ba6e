package org.clinlead.insights;

/**
 * What a skills-gap heat map covers: the people in an organisation unit's subtree (the reader's
 * scope when none), optionally one job role and one country, the competencies of one published
 * framework, grouped by the unit's sub-units or by job role.
 */
public record GapFilter(Long rootUnitId, long frameworkId, Long jobRoleId, String country, Grouping grouping) {

    public enum Grouping {
        UNIT("Organisation unit"), ROLE("Job role");

        private final String label;

        Grouping(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
