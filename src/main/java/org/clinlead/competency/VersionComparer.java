package org.clinlead.competency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Compares two framework documents, matching competencies by code. */
final class VersionComparer {

    private VersionComparer() {
    }

    static VersionComparison compare(FrameworkVersionSummary fromSummary, FrameworkDocument from,
                                     FrameworkVersionSummary toSummary, FrameworkDocument to) {
        Map<String, Located> before = index(from);
        Map<String, Located> after = index(to);
        List<VersionComparison.Entry> added = new ArrayList<>();
        List<VersionComparison.Entry> removed = new ArrayList<>();
        List<VersionComparison.Change> changed = new ArrayList<>();
        for (Located now : after.values()) {
            Located was = before.get(now.competency().code());
            if (was == null) {
                added.add(new VersionComparison.Entry(now.competency().code(), now.competency().name(), now.domainName()));
                continue;
            }
            List<String> differences = differences(was, now, from, to);
            if (!differences.isEmpty()) {
                changed.add(new VersionComparison.Change(now.competency().code(), now.competency().name(), differences));
            }
        }
        for (Located was : before.values()) {
            if (!after.containsKey(was.competency().code())) {
                removed.add(new VersionComparison.Entry(was.competency().code(), was.competency().name(), was.domainName()));
            }
        }
        return new VersionComparison(fromSummary, toSummary, added, removed, changed);
    }

    private static List<String> differences(Located was, Located now, FrameworkDocument from, FrameworkDocument to) {
        List<String> differences = new ArrayList<>();
        FrameworkDocument.Competency a = was.competency();
        FrameworkDocument.Competency b = now.competency();
        if (!a.name().equals(b.name())) {
            differences.add("renamed from \"" + a.name() + "\"");
        }
        if (!was.domainName().equals(now.domainName())) {
            differences.add("moved from " + was.domainName() + " to " + now.domainName());
        }
        if (!Objects.equals(a.description(), b.description())) {
            differences.add("description changed");
        }
        for (var level : to.levels()) {
            var x = a.levels().get(level.level());
            var y = b.levels().get(level.level());
            if (x == null && y != null) {
                differences.add(level.name() + " descriptor added");
            } else if (x != null && y == null) {
                differences.add(level.name() + " descriptor removed");
            } else if (x != null && !x.descriptor().equals(y.descriptor())) {
                differences.add(level.name() + " descriptor changed");
            } else if (x != null && !x.indicators().equals(y.indicators())) {
                differences.add(level.name() + " indicators changed");
            }
        }
        Integer maxFrom = from.levels().size();
        Integer maxTo = to.levels().size();
        if (!maxFrom.equals(maxTo)) {
            differences.add("scale changed from " + maxFrom + " to " + maxTo + " levels");
        }
        return differences;
    }

    private static Map<String, Located> index(FrameworkDocument doc) {
        Map<String, Located> index = new LinkedHashMap<>();
        for (FrameworkDocument.Domain domain : doc.domains()) {
            for (FrameworkDocument.Competency competency : domain.competencies()) {
                index.put(competency.code(), new Located(competency, domain.name()));
            }
        }
        return index;
    }

    private record Located(FrameworkDocument.Competency competency, String domainName) {
    }
}
