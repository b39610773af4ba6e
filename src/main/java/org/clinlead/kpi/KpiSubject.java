package org.clinlead.kpi;

import java.util.Locale;
import java.util.Optional;

/**
 * What a KPI trend is about: an organisation unit (its subtree), a manager's team (their reporting
 * line), a person, a study or a study site. {@link #key()} is its form in a URL, e.g. {@code unit-12}.
 */
public record KpiSubject(Type type, long id, String name) {

    public enum Type {
        UNIT, TEAM, PERSON, STUDY, SITE;

        /** Whether a trend of a KPI of this level can be drawn for a subject of this type. */
        public boolean fits(KpiLevel level) {
            return switch (this) {
                case UNIT -> true;
                case TEAM, PERSON -> level == KpiLevel.PERSON;
                case STUDY -> level == KpiLevel.STUDY || level == KpiLevel.SITE;
                case SITE -> level == KpiLevel.SITE;
            };
        }
    }

    public String key() {
        return type.name().toLowerCase(Locale.ROOT) + "-" + id;
    }

    /** The type and id of a key; the name is resolved by {@link KpiQuery#subject}. */
    public static Optional<KpiSubject> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        int dash = key.indexOf('-');
        if (dash < 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new KpiSubject(Type.valueOf(key.substring(0, dash).toUpperCase(Locale.ROOT)),
                    Long.parseLong(key.substring(dash + 1)), ""));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
