package org.clinlead.coaching;

/** A competency of a published framework version, to choose for a goal or a session. */
public record CompetencyOption(long id, String frameworkName, String code, String name, int scaleMax) {

    public String label() {
        return code + " " + name;
    }
}
