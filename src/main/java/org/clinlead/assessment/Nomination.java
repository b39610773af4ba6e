package org.clinlead.assessment;

/** A rater named for a subject: an employee, or an external partner by name and e-mail. */
public record Nomination(long assignmentId, RaterGroup group, Long raterEmployeeId, String raterName,
                         String externalEmail, String externalOrganisation, String externalRelation,
                         String nominatedBy, String status) {

    public boolean removable() {
        return group == RaterGroup.PEER || group == RaterGroup.EXTERNAL || group == RaterGroup.DIRECT_REPORT;
    }
}
