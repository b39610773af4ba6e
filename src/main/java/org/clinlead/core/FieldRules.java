package org.clinlead.core;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * The bounds every importer and form applies to text, e-mail addresses and dates before the
 * database sees them (docs/content-format.md, "Bounds of every field"). Each check returns the
 * reason a value is refused, or null when it is acceptable, so that an importer reports it with
 * its row and column and a service with its field ({@link #require}).
 */
public final class FieldRules {

    /** Codes and keys from other systems (a record id, a source system). */
    public static final int CODE = 100;
    /** Names and titles: a person's name, a course title, a trainer, a provider. */
    public static final int NAME = 200;
    /** A reason or a comment: why a record is corrected, rejected or waived. */
    public static final int REASON = 2_000;
    /** Free text written in a form: a goal's why, a note, an explanation. */
    public static final int NOTE = 4_000;
    /** RFC 5321: at most 254 characters in an address, 64 before the @. */
    public static final int EMAIL = 254;

    /** No person in ClinLead was hired, trained or certified before this day. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1950, 1, 1);
    /** The first month a KPI observation may be about. */
    public static final YearMonth EARLIEST_MONTH = YearMonth.of(2000, 1);

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    // Letters of any script are allowed; whitespace (also non-breaking), controls and format characters are not.
    private static final Pattern EMAIL_FORM = Pattern.compile(
            "[^@\\s\\p{Z}\\p{C}\"(),:;<>\\[\\]\\\\]{1,64}@[^@\\s\\p{Z}\\p{C}\"(),:;<>\\[\\]\\\\.]+(\\.[^@\\s\\p{Z}\\p{C}\"(),:;<>\\[\\]\\\\.]+)+");

    private FieldRules() {
    }

    /** A one-line text: at most {@code max} characters, no control characters (NUL, tab, line breaks …). */
    public static String line(String value, int max) {
        return text(value, max, false);
    }

    /** A text of several lines: at most {@code max} characters; tabs and line breaks allowed, no other control characters. */
    public static String text(String value, int max) {
        return text(value, max, true);
    }

    private static String text(String value, int max, boolean lines) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            return "Use at most " + String.format("%,d", max) + " characters (this has " + String.format("%,d", value.length()) + ").";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean lineBreak = c == '\t' || c == '\n' || c == '\r';
            if (Character.isISOControl(c) && !(lines && lineBreak) || !lines && (c == '\u2028' || c == '\u2029')) {
                return "The text contains a control character (" + describe(c) + " at position " + (i + 1) + "); remove it.";
            }
        }
        return null;
    }

    /** An e-mail address: one @, a domain with a dot, no spaces of any kind, at most 254 characters. */
    public static String email(String value) {
        if (value == null || value.isEmpty()) {
            return "The e-mail address is missing.";
        }
        if (value.length() > EMAIL) {
            return "An e-mail address has at most " + EMAIL + " characters (this has " + String.format("%,d", value.length()) + ").";
        }
        if (!EMAIL_FORM.matcher(value).matches()) {
            return "\"" + shortened(value) + "\" is not an e-mail address (name@domain.example, without spaces).";
        }
        return null;
    }

    /** A date within [earliest, latest]; {@code what} names it in the reason ("The hire date"). */
    public static String date(LocalDate value, LocalDate earliest, LocalDate latest, String what) {
        return within(value, earliest, latest, what);
    }

    /** A month within [earliest, latest]. */
    public static String month(YearMonth value, YearMonth earliest, YearMonth latest, String what) {
        return within(value, earliest, latest, what);
    }

    private static <T extends Comparable<? super T>> String within(T value, T earliest, T latest, String what) {
        if (value == null) {
            return null;
        }
        if (value.compareTo(earliest) < 0) {
            return what + " " + value + " is before " + earliest + ", the earliest accepted.";
        }
        if (value.compareTo(latest) > 0) {
            return what + " " + value + " is after " + latest + ", the latest accepted.";
        }
        return null;
    }

    /**
     * Reads YYYY-MM-DD with a four-digit year and no sign (so "+10000-01-01" and "-0001-01-01" are
     * not dates here), or returns null.
     */
    public static LocalDate parseDate(String text) {
        if (text == null || !ISO_DATE.matcher(text).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** Throws {@link InvalidInputException} for {@code field} when a check found a problem. */
    public static void require(String field, String problem) {
        if (problem != null) {
            throw new InvalidInputException(field, problem);
        }
    }

    private static String describe(char c) {
        return c == 0 ? "NUL" : String.format("U+%04X", (int) c);
    }

    private static String shortened(String value) {
        return value.length() > 60 ? value.substring(0, 57) + "…" : value;
    }
}
