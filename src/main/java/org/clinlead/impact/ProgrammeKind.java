package org.clinlead.impact;

import java.util.Arrays;
import java.util.Optional;

/** What kind of intervention a programme is; it decides who its participants are (docs/impact.md). */
public enum ProgrammeKind {
    COACHING("coaching", "Coaching programme", "named participants, each from the day they joined"),
    COURSE("course", "Course", "everyone who completed the course between the programme's start and end, from their completion"),
    CYCLE_FOLLOW_UP("cycle_follow_up", "360 cycle and its follow-up", "the subjects of the released cycle, from its release"),
    ROTATION("rotation", "Rotation", "named participants, each from the day they joined");

    private final String code;
    private final String label;
    private final String participants;

    ProgrammeKind(String code, String label, String participants) {
        this.code = code;
        this.label = label;
        this.participants = participants;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Who the participants are, in words, for the programme page. */
    public String participants() {
        return participants;
    }

    public boolean namesParticipants() {
        return this == COACHING || this == ROTATION;
    }

    public static Optional<ProgrammeKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
