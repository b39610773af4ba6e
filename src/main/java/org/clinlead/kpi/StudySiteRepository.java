package org.clinlead.kpi;

import static org.clinlead.db.Tables.STUDY;
import static org.clinlead.db.Tables.STUDY_SITE;

import java.time.LocalDate;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

/** Study sites: the list by the reader's studies, and additions and status changes. */
@Repository
class StudySiteRepository {

    private final DSLContext dsl;

    StudySiteRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<StudySite> sites(Condition studiesInScope) {
        return dsl.select(STUDY_SITE.ID, STUDY.ID, STUDY.CODE, STUDY_SITE.SITE_CODE, STUDY_SITE.NAME, STUDY_SITE.COUNTRY,
                        STUDY_SITE.ACTIVATED_ON, STUDY_SITE.STATUS)
                .from(STUDY_SITE).join(STUDY).on(STUDY.ID.eq(STUDY_SITE.STUDY_ID))
                .where(studiesInScope)
                .orderBy(STUDY.CODE, STUDY_SITE.SITE_CODE)
                .fetch(Records.mapping(StudySite::new));
    }

    List<StudySite.Study> studies(Condition studiesInScope) {
        return dsl.select(STUDY.ID, STUDY.CODE, STUDY.TITLE).from(STUDY).where(studiesInScope).orderBy(STUDY.CODE)
                .fetch(Records.mapping(StudySite.Study::new));
    }

    boolean studyExists(long studyId, Condition studiesInScope) {
        return dsl.fetchExists(STUDY, STUDY.ID.eq(studyId).and(studiesInScope));
    }

    boolean codeTaken(long studyId, String siteCode) {
        return dsl.fetchExists(STUDY_SITE, STUDY_SITE.STUDY_ID.eq(studyId).and(STUDY_SITE.SITE_CODE.eq(siteCode)));
    }

    long insert(long studyId, String siteCode, String name, String country, LocalDate activatedOn, String status) {
        return dsl.insertInto(STUDY_SITE).set(STUDY_SITE.STUDY_ID, studyId).set(STUDY_SITE.SITE_CODE, siteCode)
                .set(STUDY_SITE.NAME, name).set(STUDY_SITE.COUNTRY, country).set(STUDY_SITE.ACTIVATED_ON, activatedOn)
                .set(STUDY_SITE.STATUS, status).returning(STUDY_SITE.ID).fetchSingle(STUDY_SITE.ID);
    }

    boolean close(long siteId, Condition studiesInScope) {
        return dsl.update(STUDY_SITE).set(STUDY_SITE.STATUS, "closed").set(STUDY_SITE.VERSION, STUDY_SITE.VERSION.plus(1))
                .where(STUDY_SITE.ID.eq(siteId)).and(STUDY_SITE.STATUS.ne("closed"))
                .and(STUDY_SITE.STUDY_ID.in(org.jooq.impl.DSL.select(STUDY.ID).from(STUDY).where(studiesInScope)))
                .execute() == 1;
    }
}
