package org.clinlead.coaching;

/** A course of the training catalogue, to link a course action to. */
public record CourseOption(long id, String code, String title) {

    public String label() {
        return code + " " + title;
    }
}
