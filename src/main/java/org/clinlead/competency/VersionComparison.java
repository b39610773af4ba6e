package org.clinlead.competency;

import java.util.List;

/** What changed between two versions of a framework, matched on competency codes. */
public record VersionComparison(FrameworkVersionSummary from, FrameworkVersionSummary to,
                                List<Entry> added, List<Entry> removed, List<Change> changed) {

    public record Entry(String code, String name, String domainName) {
    }

    /** A competency in both versions whose text, domain or level descriptors differ. */
    public record Change(String code, String name, List<String> differences) {
    }

    public boolean identical() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }
}
