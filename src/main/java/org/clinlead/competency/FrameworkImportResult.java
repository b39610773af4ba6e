package org.clinlead.competency;

/** What importing a framework file did. */
public record FrameworkImportResult(long versionId, String frameworkCode, int versionNo, Outcome outcome) {

    public enum Outcome { CREATED, REPLACED_DRAFT, PROFILES_UPDATED, UNCHANGED }

    public String summary() {
        return switch (outcome) {
            case CREATED -> frameworkCode + " version " + versionNo + " imported.";
            case REPLACED_DRAFT -> "The draft of " + frameworkCode + " version " + versionNo + " was replaced from the file.";
            case PROFILES_UPDATED -> frameworkCode + " version " + versionNo + " is unchanged; its role profiles were updated.";
            case UNCHANGED -> frameworkCode + " version " + versionNo + " is already identical to the file.";
        };
    }
}
