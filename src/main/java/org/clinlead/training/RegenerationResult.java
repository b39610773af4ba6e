package org.clinlead.training;

/** What a regeneration of training assignments did. */
public record RegenerationResult(int created, int completed, int cancelled) {

    public String summary() {
        return created + " assignments created, " + completed + " completed by existing records, " + cancelled + " cancelled";
    }
}
