package org.clinlead.kpi;

import java.time.LocalDate;

/** A study site, a KPI subject below its study (docs/kpis.md, "Subjects"). */
public record StudySite(long id, long studyId, String studyCode, String siteCode, String name, String country, LocalDate activatedOn,
                        String status) {

    /** A study sites can be added to. */
    public record Study(long id, String code, String title) {
    }

    /** How the KPI import names it: STUDY:SITE. */
    public String key() {
        return studyCode + ":" + siteCode;
    }
}
