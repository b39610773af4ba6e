package org.clinlead.core.signature;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * An electronic signature and its manifest: the signer's printed name, the date and time with
 * the signer's time zone, and the meaning (21 CFR Part 11 §11.50).
 */
public record Signature(long id, String recordType, long recordId, String printedName, String meaning,
                        Instant signedAt, String timeZone) {

    private static final DateTimeFormatter MANIFEST = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm zzz", Locale.ENGLISH);

    /** "Sofia Weber, 22 Nov 2026 19:04 CET (Europe/Berlin): Completed and understood". */
    public String manifest() {
        return printedName + ", " + when() + ": " + meaning;
    }

    /** The date and time in the signer's time zone, with the zone. */
    public String when() {
        ZoneId zone = ZoneId.of(timeZone);
        return MANIFEST.format(signedAt.atZone(zone)) + " (" + zone.getId() + ")";
    }
}
