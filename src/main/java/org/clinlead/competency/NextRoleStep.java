package org.clinlead.competency;

/**
 * One difference between a role and the next role on its career path: a competency the next
 * role adds ({@code currentLevel} null) or requires at a higher level.
 */
public record NextRoleStep(String frameworkName, String competencyCode, String competencyName, Integer currentLevel,
                           String currentLevelName, int nextLevel, String nextLevelName, String nextDescriptor) {

    public boolean added() {
        return currentLevel == null;
    }
}
