package org.clinlead.assessment;

/**
 * One subject of a cycle as HR follows it: nominations and responses, and whether their report was
 * released to them (in a cycle that releases to the coach first).
 */
public record SubjectProgress(long cycleSubjectId, long employeeId, String name, String jobRole, String orgUnit,
                              String nominationStatus, int raters, int submitted, int declined, boolean releasedToSubject) {

    public int responseRate() {
        return raters == 0 ? 0 : Math.round(100f * submitted / raters);
    }
}
