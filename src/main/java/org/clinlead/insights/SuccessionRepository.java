package org.clinlead.insights;

import static org.clinlead.db.Tables.CRITICAL_POSITION;
import static org.clinlead.db.Tables.SUCCESSOR;
import static org.clinlead.db.Tables.SUGGESTED_GOAL;
import static org.clinlead.db.Tables.TALENT_RATING;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.db.tables.records.CriticalPositionRecord;
import org.clinlead.db.tables.records.SuccessorRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Writes of critical positions, successors, 9-box ratings and the goals suggested from gaps. */
@Repository
class SuccessionRepository {

    private final DSLContext dsl;

    SuccessionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<CriticalPositionRecord> position(long id) {
        return dsl.selectFrom(CRITICAL_POSITION).where(CRITICAL_POSITION.ID.eq(id)).fetchOptional();
    }

    long insertPosition(PositionForm form) {
        return dsl.insertInto(CRITICAL_POSITION)
                .set(CRITICAL_POSITION.TITLE, form.title().trim())
                .set(CRITICAL_POSITION.ORG_UNIT_ID, form.orgUnitId())
                .set(CRITICAL_POSITION.JOB_ROLE_ID, form.jobRoleId())
                .set(CRITICAL_POSITION.INCUMBENT_ID, form.incumbentId())
                .set(CRITICAL_POSITION.RISK_OF_LOSS, form.riskOfLoss())
                .set(CRITICAL_POSITION.IMPACT_OF_LOSS, form.impactOfLoss())
                .returning(CRITICAL_POSITION.ID).fetchSingle().getId();
    }

    Optional<SuccessorRecord> successor(long id) {
        return dsl.selectFrom(SUCCESSOR).where(SUCCESSOR.ID.eq(id)).fetchOptional();
    }

    boolean isNamed(long positionId, long employeeId) {
        return dsl.fetchExists(SUCCESSOR, SUCCESSOR.POSITION_ID.eq(positionId).and(SUCCESSOR.EMPLOYEE_ID.eq(employeeId)));
    }

    long insertSuccessor(long positionId, long employeeId, Readiness readiness, String note, long userId) {
        return dsl.insertInto(SUCCESSOR)
                .set(SUCCESSOR.POSITION_ID, positionId)
                .set(SUCCESSOR.EMPLOYEE_ID, employeeId)
                .set(SUCCESSOR.READINESS, readiness.db())
                .set(SUCCESSOR.NOTE, note == null ? "" : note.trim())
                .set(SUCCESSOR.NOMINATED_BY_USER_ID, userId)
                .returning(SUCCESSOR.ID).fetchSingle().getId();
    }

    boolean setReadiness(long successorId, int version, Readiness readiness) {
        return dsl.update(SUCCESSOR).set(SUCCESSOR.READINESS, readiness.db()).set(SUCCESSOR.VERSION, SUCCESSOR.VERSION.plus(1))
                .where(SUCCESSOR.ID.eq(successorId)).and(SUCCESSOR.VERSION.eq(version)).execute() == 1;
    }

    void removeSuccessor(long successorId) {
        dsl.deleteFrom(SUCCESSOR).where(SUCCESSOR.ID.eq(successorId)).execute();
    }

    void insertRating(long employeeId, String performance, String potential, String note, LocalDate ratedOn, CurrentUser user) {
        dsl.insertInto(TALENT_RATING)
                .set(TALENT_RATING.EMPLOYEE_ID, employeeId)
                .set(TALENT_RATING.PERFORMANCE, performance)
                .set(TALENT_RATING.POTENTIAL, potential)
                .set(TALENT_RATING.NOTE, note == null ? "" : note.trim())
                .set(TALENT_RATING.RATED_ON, ratedOn)
                .set(TALENT_RATING.RATED_BY_USER_ID, user.userId())
                .set(TALENT_RATING.RATED_BY_NAME, user.displayName())
                .execute();
    }

    /** Suggests a development goal, unless one for the same competency is still open for the person. */
    boolean suggestGoal(long employeeId, long competencyId, BigDecimal current, int target, String note, long userId) {
        if (dsl.fetchExists(SUGGESTED_GOAL, SUGGESTED_GOAL.EMPLOYEE_ID.eq(employeeId).and(SUGGESTED_GOAL.COMPETENCY_ID.eq(competencyId))
                .and(SUGGESTED_GOAL.STATUS.eq("suggested")))) {
            return false;
        }
        dsl.insertInto(SUGGESTED_GOAL)
                .set(SUGGESTED_GOAL.EMPLOYEE_ID, employeeId)
                .set(SUGGESTED_GOAL.COMPETENCY_ID, competencyId)
                .set(SUGGESTED_GOAL.CURRENT_LEVEL, current)
                .set(SUGGESTED_GOAL.TARGET_LEVEL, target)
                .set(SUGGESTED_GOAL.NOTE, note)
                .set(SUGGESTED_GOAL.CREATED_BY_USER_ID, userId)
                .execute();
        return true;
    }
}
