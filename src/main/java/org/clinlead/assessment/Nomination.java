package org.clinlead.assessment;

/**
 * A rater named for a subject: an employee, or an external partner by name and e-mail, who is
 * invited only once {@code approved} (by the manager or HR).
 */
public record Nomination(long assignmentId, RaterGroup group, Long raterEmployeeId, String raterName,
                         String externalEmail, String externalOrganisation, String externalRelation,
                         String nominatedBy, String status, boolean approved) {

    /** An external partner nobody has approved yet: rating would not invite them. */
    public boolean awaitingApproval() {
        return group == RaterGroup.EXTERNAL && !approved && "nominated".equals(status);
    }

    /** HR may move a rater to another group only before they answer (a draft counts as an answer). */
    public boolean movable() {
        return "nominated".equals(status) || "invited".equals(status);
    }

    public boolean removable() {
        return group == RaterGroup.PEER || group == RaterGroup.EXTERNAL || group == RaterGroup.DIRECT_REPORT;
    }
}
