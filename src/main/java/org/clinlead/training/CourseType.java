package org.clinlead.training;

import java.util.Arrays;

/** How a course is delivered. */
public enum CourseType {
    IN_APP("in_app", "In-app module"),
    EXTERNAL("external", "External course"),
    INSTRUCTOR_LED("instructor_led", "Instructor-led session"),
    READ_AND_UNDERSTAND("read_and_understand", "Read and understand"),
    ON_THE_JOB("on_the_job", "On the job");

    private final String db;
    private final String label;

    CourseType(String db, String label) {
        this.db = db;
        this.label = label;
    }

    public String db() {
        return db;
    }

    public String label() {
        return label;
    }

    public static CourseType of(String db) {
        return Arrays.stream(values()).filter(t -> t.db.equals(db)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown course type " + db));
    }
}
