package org.clinlead.training;

import static org.clinlead.db.Tables.CERTIFICATION;
import static org.clinlead.db.Tables.COURSE;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.JOB_ROLE;
import static org.clinlead.db.Tables.ORG_UNIT;
import static org.clinlead.db.Tables.QUIZ_ATTEMPT;
import static org.clinlead.db.Tables.STORED_FILE;
import static org.clinlead.db.Tables.STUDY;
import static org.clinlead.db.Tables.TRAINING_ASSIGNMENT;
import static org.clinlead.db.Tables.TRAINING_COMPLETION;
import static org.clinlead.db.Tables.TRAINING_IMPORT_BATCH;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.DataScope;
import org.clinlead.core.signature.Signature;
import org.clinlead.core.signature.SignatureService;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One person's training, for themself and for those whose scope includes them: requirements,
 * records with their signatures, quiz attempts and certifications (the inspection-ready file).
 */
@Component
@Transactional(readOnly = true)
public class TrainingQuery {

    private final DSLContext dsl;
    private final DataScope scope;
    private final SignatureService signatures;

    TrainingQuery(DSLContext dsl, DataScope scope, SignatureService signatures) {
        this.dsl = dsl;
        this.scope = scope;
        this.signatures = signatures;
    }

    /** The person's training, when the user may see them; empty otherwise. */
    public Optional<PersonTraining> person(CurrentUser user, long employeeId) {
        Optional<PersonTraining.Person> person = dsl.select(EMPLOYEE.ID, EMPLOYEE.EMPLOYEE_NUMBER,
                        DSL.concat(EMPLOYEE.FIRST_NAME, DSL.val(" "), EMPLOYEE.LAST_NAME), ORG_UNIT.NAME, JOB_ROLE.NAME)
                .from(EMPLOYEE).join(ORG_UNIT).on(ORG_UNIT.ID.eq(EMPLOYEE.ORG_UNIT_ID))
                .join(JOB_ROLE).on(JOB_ROLE.ID.eq(EMPLOYEE.JOB_ROLE_ID))
                .where(EMPLOYEE.ID.eq(employeeId)).and(scope.employees(user, EMPLOYEE.ID))
                .fetchOptional(r -> new PersonTraining.Person(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
        return person.map(p -> new PersonTraining(p, requirements(TRAINING_ASSIGNMENT.EMPLOYEE_ID.eq(employeeId)),
                records(employeeId), attempts(employeeId), certifications(CERTIFICATION.EMPLOYEE_ID.eq(employeeId))));
    }

    /** Current assignments (not cancelled) matching the condition, open ones first by due date. */
    List<Requirement> requirements(Condition which) {
        LocalDate today = LocalDate.now();
        var status = TrainingStatus.field(today);
        var latest = TRAINING_COMPLETION.as("latest");
        return dsl.select(TRAINING_ASSIGNMENT.ID, TRAINING_ASSIGNMENT.EMPLOYEE_ID,
                        DSL.concat(EMPLOYEE.FIRST_NAME, DSL.val(" "), EMPLOYEE.LAST_NAME), COURSE.ID, COURSE.CODE, COURSE.TITLE,
                        COURSE.COURSE_TYPE, TRAINING_ASSIGNMENT.REASON, STUDY.CODE, TRAINING_ASSIGNMENT.ASSIGNED_ON,
                        TRAINING_ASSIGNMENT.DUE_ON, status, latest.COMPLETED_ON, latest.EXPIRES_ON,
                        TRAINING_ASSIGNMENT.WAIVER_REASON, TRAINING_ASSIGNMENT.VERSION)
                .from(TRAINING_ASSIGNMENT)
                .join(EMPLOYEE).on(EMPLOYEE.ID.eq(TRAINING_ASSIGNMENT.EMPLOYEE_ID))
                .join(COURSE).on(COURSE.ID.eq(TRAINING_ASSIGNMENT.COURSE_ID))
                .leftJoin(STUDY).on(STUDY.ID.eq(TRAINING_ASSIGNMENT.STUDY_ID))
                .leftJoin(DSL.lateral(DSL.select(TRAINING_COMPLETION.COMPLETED_ON, TRAINING_COMPLETION.EXPIRES_ON)
                        .from(TRAINING_COMPLETION)
                        .where(TRAINING_COMPLETION.EMPLOYEE_ID.eq(TRAINING_ASSIGNMENT.EMPLOYEE_ID))
                        .and(TRAINING_COMPLETION.COURSE_ID.eq(TRAINING_ASSIGNMENT.COURSE_ID))
                        .and(TRAINING_COMPLETION.STATUS.eq("complete")).and(TRAINING_COMPLETION.SUPERSEDED_BY_ID.isNull())
                        .orderBy(TRAINING_COMPLETION.COMPLETED_ON.desc(), TRAINING_COMPLETION.ID.desc()).limit(1))
                        .as("latest")).on(DSL.trueCondition())
                .where(which).and(TRAINING_ASSIGNMENT.CURRENT.isTrue()).and(TRAINING_ASSIGNMENT.STATUS.ne("cancelled"))
                .orderBy(TrainingStatus.open(TRAINING_ASSIGNMENT.STATUS).desc(), TRAINING_ASSIGNMENT.DUE_ON, COURSE.CODE)
                .fetch(r -> new Requirement(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        CourseType.of(r.value7()), r.value8(), r.value9(), r.value10(), r.value11(),
                        TrainingStatus.of(r.value12()), r.value13(), r.value14(), r.value15(), r.value16()));
    }

    private List<CompletionRecord> records(long employeeId) {
        var rows = dsl.select(TRAINING_COMPLETION.asterisk(), COURSE.CODE, COURSE.TITLE, STORED_FILE.FILENAME,
                        TRAINING_IMPORT_BATCH.FILE_NAME, TRAINING_IMPORT_BATCH.IMPORTED_BY, TRAINING_IMPORT_BATCH.IMPORTED_AT)
                .from(TRAINING_COMPLETION)
                .join(COURSE).on(COURSE.ID.eq(TRAINING_COMPLETION.COURSE_ID))
                .leftJoin(STORED_FILE).on(STORED_FILE.ID.eq(TRAINING_COMPLETION.CERTIFICATE_FILE_ID))
                .leftJoin(TRAINING_IMPORT_BATCH).on(TRAINING_IMPORT_BATCH.ID.eq(TRAINING_COMPLETION.IMPORT_BATCH_ID))
                .where(TRAINING_COMPLETION.EMPLOYEE_ID.eq(employeeId))
                .orderBy(TRAINING_COMPLETION.COMPLETED_ON.desc(), TRAINING_COMPLETION.ID.desc())
                .fetch();
        Map<Long, List<Signature>> signed = signatures.signatures("training_completion",
                        rows.stream().map(r -> r.get(TRAINING_COMPLETION.ID)).toList())
                .stream().collect(Collectors.groupingBy(Signature::recordId));
        return rows.stream().map(r -> new CompletionRecord(r.get(TRAINING_COMPLETION.ID), r.get(TRAINING_COMPLETION.COURSE_ID),
                r.get(COURSE.CODE), r.get(COURSE.TITLE),
                r.get(TRAINING_COMPLETION.VERSION_MAJOR) + "." + r.get(TRAINING_COMPLETION.VERSION_MINOR),
                r.get(TRAINING_COMPLETION.COMPLETED_ON), r.get(TRAINING_COMPLETION.EXPIRES_ON), r.get(TRAINING_COMPLETION.METHOD),
                r.get(TRAINING_COMPLETION.SOURCE), r.get(TRAINING_COMPLETION.SCORE), r.get(TRAINING_COMPLETION.TRAINER),
                r.get(TRAINING_COMPLETION.PROVIDER), r.get(TRAINING_COMPLETION.CERTIFICATE_FILE_ID), r.get(STORED_FILE.FILENAME),
                r.get(TRAINING_COMPLETION.STATUS), r.get(TRAINING_COMPLETION.RECORDED_BY),
                r.get(TRAINING_COMPLETION.RECORDED_AT).toInstant(), r.get(TRAINING_COMPLETION.VERIFIED_BY),
                r.get(TRAINING_COMPLETION.VERIFIED_AT) == null ? null : r.get(TRAINING_COMPLETION.VERIFIED_AT).toInstant(),
                r.get(TRAINING_COMPLETION.REJECTION_REASON), r.get(TRAINING_COMPLETION.CORRECTS_ID),
                r.get(TRAINING_COMPLETION.CORRECTION_REASON), r.get(TRAINING_COMPLETION.SUPERSEDED_BY_ID),
                signed.getOrDefault(r.get(TRAINING_COMPLETION.ID), List.of()), imported(r))).toList();
    }

    private static CompletionRecord.Imported imported(org.jooq.Record r) {
        String key = r.get(TRAINING_COMPLETION.IMPORT_KEY);
        if (key == null) {
            return null;
        }
        int colon = key.indexOf(':');
        return new CompletionRecord.Imported(colon < 0 ? key : key.substring(0, colon), colon < 0 ? "" : key.substring(colon + 1),
                r.get(TRAINING_COMPLETION.IMPORT_BATCH_ID), r.get(TRAINING_IMPORT_BATCH.FILE_NAME),
                r.get(TRAINING_IMPORT_BATCH.IMPORTED_BY),
                r.get(TRAINING_IMPORT_BATCH.IMPORTED_AT) == null ? null : r.get(TRAINING_IMPORT_BATCH.IMPORTED_AT).toInstant());
    }

    private List<PersonTraining.Attempt> attempts(long employeeId) {
        return dsl.select(QUIZ_ATTEMPT.ID, COURSE.CODE, QUIZ_ATTEMPT.VERSION_MAJOR, QUIZ_ATTEMPT.VERSION_MINOR,
                        QUIZ_ATTEMPT.SUBMITTED_AT, QUIZ_ATTEMPT.CORRECT, QUIZ_ATTEMPT.TOTAL, QUIZ_ATTEMPT.SCORE, QUIZ_ATTEMPT.PASSED)
                .from(QUIZ_ATTEMPT).join(COURSE).on(COURSE.ID.eq(QUIZ_ATTEMPT.COURSE_ID))
                .where(QUIZ_ATTEMPT.EMPLOYEE_ID.eq(employeeId)).and(QUIZ_ATTEMPT.SUBMITTED_AT.isNotNull())
                .orderBy(QUIZ_ATTEMPT.SUBMITTED_AT.desc())
                .fetch(r -> new PersonTraining.Attempt(r.value1(), r.value2(), r.value3() + "." + r.value4(),
                        r.value5().toInstant(), r.value6(), r.value7(), r.value8(), r.value9()));
    }

    List<CertificationView> certifications(Condition which) {
        var name = DSL.concat(EMPLOYEE.FIRST_NAME, DSL.val(" "), EMPLOYEE.LAST_NAME).as("employee_name");
        return dsl.select(CERTIFICATION.asterisk(), name)
                .from(CERTIFICATION).join(EMPLOYEE).on(EMPLOYEE.ID.eq(CERTIFICATION.EMPLOYEE_ID))
                .where(which)
                .orderBy(CERTIFICATION.ISSUED_ON.desc())
                .fetch(r -> new CertificationView(r.get(CERTIFICATION.ID), r.get(CERTIFICATION.EMPLOYEE_ID), r.get(name),
                        r.get(CERTIFICATION.KIND), r.get(CERTIFICATION.NAME), r.get(CERTIFICATION.ISSUER), r.get(CERTIFICATION.NUMBER),
                        r.get(CERTIFICATION.ISSUED_ON), r.get(CERTIFICATION.EXPIRES_ON), r.get(CERTIFICATION.CERTIFICATE_FILE_ID),
                        r.get(CERTIFICATION.STATUS), r.get(CERTIFICATION.RECORDED_BY), r.get(CERTIFICATION.VERIFIED_BY),
                        r.get(CERTIFICATION.REJECTION_REASON)));
    }

    /** External completions waiting for verification, of people in the user's scope, oldest first. */
    public List<VerificationItem> awaitingVerification(CurrentUser user) {
        return dsl.select(TRAINING_COMPLETION.ID, TRAINING_COMPLETION.EMPLOYEE_ID,
                        DSL.concat(EMPLOYEE.FIRST_NAME, DSL.val(" "), EMPLOYEE.LAST_NAME), COURSE.CODE, COURSE.TITLE,
                        DSL.concat(TRAINING_COMPLETION.VERSION_MAJOR.cast(String.class), DSL.val("."),
                                TRAINING_COMPLETION.VERSION_MINOR.cast(String.class)),
                        TRAINING_COMPLETION.COMPLETED_ON, TRAINING_COMPLETION.SCORE, TRAINING_COMPLETION.PROVIDER,
                        TRAINING_COMPLETION.TRAINER, TRAINING_COMPLETION.CERTIFICATE_FILE_ID, STORED_FILE.FILENAME,
                        TRAINING_COMPLETION.RECORDED_BY, TRAINING_COMPLETION.RECORDED_AT)
                .from(TRAINING_COMPLETION)
                .join(EMPLOYEE).on(EMPLOYEE.ID.eq(TRAINING_COMPLETION.EMPLOYEE_ID))
                .join(COURSE).on(COURSE.ID.eq(TRAINING_COMPLETION.COURSE_ID))
                .leftJoin(STORED_FILE).on(STORED_FILE.ID.eq(TRAINING_COMPLETION.CERTIFICATE_FILE_ID))
                .where(TRAINING_COMPLETION.STATUS.eq("awaiting_verification"))
                .and(scope.employees(user, TRAINING_COMPLETION.EMPLOYEE_ID))
                .and(user.employeeId() == null ? DSL.noCondition() : TRAINING_COMPLETION.EMPLOYEE_ID.ne(user.employeeId()))
                .orderBy(TRAINING_COMPLETION.RECORDED_AT)
                .fetch(r -> new VerificationItem(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9(), r.value10(), r.value11(), r.value12(), r.value13(),
                        r.value14().toInstant()));
    }

    /** Certifications waiting for verification, of people in the user's scope. */
    public List<CertificationView> certificationsAwaitingVerification(CurrentUser user) {
        return certifications(CERTIFICATION.STATUS.eq("awaiting_verification")
                .and(scope.employees(user, CERTIFICATION.EMPLOYEE_ID))
                .and(user.employeeId() == null ? DSL.noCondition() : CERTIFICATION.EMPLOYEE_ID.ne(user.employeeId())));
    }

    /** A stored certificate, when the user may see its owner. */
    public Optional<StoredFileContent> file(CurrentUser user, long fileId) {
        return dsl.select(STORED_FILE.FILENAME, STORED_FILE.CONTENT_TYPE, STORED_FILE.CONTENT)
                .from(STORED_FILE)
                .where(STORED_FILE.ID.eq(fileId)).and(scope.employees(user, STORED_FILE.EMPLOYEE_ID))
                .fetchOptional(r -> new StoredFileContent(r.value1(), r.value2(), r.value3()));
    }

    public record StoredFileContent(String filename, String contentType, byte[] content) {
    }
}
