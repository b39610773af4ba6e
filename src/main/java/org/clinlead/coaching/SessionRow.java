package org.clinlead.coaching;

import java.time.LocalDate;

/** A session in a list; the topic is empty for readers who may not see the session's content. */
public record SessionRow(long id, LocalDate heldOn, int durationMinutes, SessionKind kind, SessionKind.Trigger trigger, String status,
                         String coachName, String participants, String topic) {

    public String kindLabel() {
        return kind.label() + (trigger == null ? "" : " (" + trigger.label() + ")");
    }
}
