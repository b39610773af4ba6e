package org.clinlead.training;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A study with its team (within the reader's scope), its courses, and each member's GCP standing. */
public record StudyDetail(StudySummary study, List<Member> members, List<StudyCourse> courses, int membersOutsideScope) {

    public record Member(long memberId, long employeeId, String name, String jobRole, Set<StudyTask> tasks,
                         LocalDate joinedOn, LocalDate leftOn, GcpStanding gcp, int openAssignments, int overdue,
                         int version) {
    }

    public record StudyCourse(long id, long courseId, String code, String title, Set<StudyTask> tasks, int dueWithinDays) {

        public String tasksLabel() {
            return tasks.isEmpty() ? "whole team" : String.join(", ", tasks.stream().map(StudyTask::label).sorted().toList());
        }
    }

    /**
     * GCP training of a member against the study (docs/training-records.md, "GCP validity"): the
     * latest GCP course completion or verified GCP certificate, valid when dated within its validity
     * (36 months by default) before the study's start and not expired today.
     */
    public record GcpStanding(String evidence, LocalDate dated, LocalDate expiresOn, Status status) {

        public enum Status {
            VALID("valid for this study"),
            TOO_OLD("dated too long before the study start"),
            EXPIRED("expired"),
            NONE("no GCP training recorded");

            private final String label;

            Status(String label) {
                this.label = label;
            }

            public String label() {
                return label;
            }
        }
    }
}
