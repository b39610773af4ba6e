package org.clinlead.assessment;

import java.time.LocalDate;
import org.clinlead.core.security.SystemAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Every morning: reminders to raters whose 360° assessments are due in three days, tomorrow, or overdue. */
@Component
class AssessmentReminders {

    private static final Logger log = LoggerFactory.getLogger(AssessmentReminders.class);

    private final AssessmentMail mail;
    private final TransactionTemplate transaction;

    AssessmentReminders(AssessmentMail mail, TransactionTemplate transaction) {
        this.mail = mail;
        this.transaction = transaction;
    }

    @Scheduled(cron = "${clinlead.assessment.reminder-cron:0 0 7 * * *}")
    void remind() {
        Integer queued = SystemAuthentication.run(() -> transaction.execute(s -> mail.remindDue(LocalDate.now())));
        log.info("360 reminders queued: {}", queued);
    }
}
