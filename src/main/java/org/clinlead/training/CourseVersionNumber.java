package org.clinlead.training;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A course version, major.minor: a new major version means retraining, a minor one does not. */
public record CourseVersionNumber(int major, int minor) implements Comparable<CourseVersionNumber> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})");

    public static Optional<CourseVersionNumber> parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.trim());
        if (m == null || !m.matches() || Integer.parseInt(m.group(1)) < 1) {
            return Optional.empty();
        }
        return Optional.of(new CourseVersionNumber(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }

    @Override
    public int compareTo(CourseVersionNumber other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
