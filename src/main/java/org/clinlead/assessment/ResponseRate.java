package org.clinlead.assessment;

/** Invited and submitted assessments for a group of subjects (an organisation unit). */
public record ResponseRate(String label, int invited, int submitted) {

    public int percent() {
        return invited == 0 ? 0 : Math.round(100f * submitted / invited);
    }
}
