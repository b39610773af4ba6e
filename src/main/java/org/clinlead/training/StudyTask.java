package org.clinlead.training;

import java.util.Arrays;

/** Tasks delegated to a study team member; study-specific training can target them (ICH E6(R3)). */
public enum StudyTask {
    MONITORING("monitoring", "Monitoring"),
    CONSENT("consent", "Informed consent"),
    DATA_ENTRY("data_entry", "Data entry"),
    SAFETY_REPORTING("safety_reporting", "Safety reporting"),
    IP_MANAGEMENT("ip_management", "Investigational product"),
    PROJECT_MANAGEMENT("project_management", "Project management"),
    DATA_MANAGEMENT("data_management", "Data management"),
    QUALITY_ASSURANCE("quality_assurance", "Quality assurance");

    private final String db;
    private final String label;

    StudyTask(String db, String label) {
        this.db = db;
        this.label = label;
    }

    public String db() {
        return db;
    }

    public String label() {
        return label;
    }

    public static StudyTask of(String db) {
        return Arrays.stream(values()).filter(t -> t.db.equals(db)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown task " + db));
    }
}
