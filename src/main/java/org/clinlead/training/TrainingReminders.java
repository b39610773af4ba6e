package org.clinlead.training;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.clinlead.core.mail.Mailer;
import org.clinlead.core.security.SystemAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every morning: regenerates assignments (expiries, new versions in effect), then e-mails each
 * learner one message about what is due in 7 days or tomorrow, overdue (the day after and then
 * weekly) and certificates expiring in 60, 30 or 7 days; on Mondays each manager gets a digest
 * of their direct reports' overdue training. At most one message per person per day (per week
 * for digests), however often it runs.
 */
@Component
class TrainingReminders {

    private static final Logger log = LoggerFactory.getLogger(TrainingReminders.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final ReminderQuery query;
    private final AssignmentRepository assignments;
    private final Mailer mailer;
    private final TransactionTemplate transaction;

    TrainingReminders(ReminderQuery query, AssignmentRepository assignments, Mailer mailer, TransactionTemplate transaction) {
        this.query = query;
        this.assignments = assignments;
        this.mailer = mailer;
        this.transaction = transaction;
    }

    @Scheduled(cron = "${clinlead.training.reminder-cron:0 30 6 * * *}")
    void daily() {
        LocalDate today = LocalDate.now();
        SystemAuthentication.run(() -> {
            var result = transaction.execute(s -> assignments.regenerate(null, null, today));
            Integer queued = transaction.execute(s -> remind(today));
            log.info("Training: assignments regenerated ({} created, {} completed, {} cancelled); {} reminders queued",
                    result.created(), result.completed(), result.cancelled(), queued);
        });
    }

    /** Queues today's reminders; returns how many messages were queued. */
    int remind(LocalDate today) {
        int queued = 0;
        Map<Long, List<ReminderQuery.Item>> byPerson = query.learnerItems(today).stream()
                .collect(Collectors.groupingBy(ReminderQuery.Item::employeeId, LinkedHashMap::new, Collectors.toList()));
        for (List<ReminderQuery.Item> items : byPerson.values()) {
            ReminderQuery.Item first = items.getFirst();
            StringBuilder body = new StringBuilder("Hello " + first.firstName() + ",\n\n");
            for (ReminderQuery.Item item : items) {
                body.append("- ").append(item.course()).append(switch (item.what()) {
                    case "overdue" -> ": overdue since " + DATE.format(item.date());
                    case "certificate" -> ": your certificate expires on " + DATE.format(item.date()) + "; record the renewal in ClinLead";
                    default -> ": due on " + DATE.format(item.date());
                }).append('\n');
            }
            body.append("\nMy training: ").append(mailer.link("training"));
            boolean overdue = items.stream().anyMatch(i -> i.what().equals("overdue"));
            if (mailer.queue("training-reminder", first.email(), overdue ? "Overdue training" : "Training due soon",
                    body.toString(), "training-reminder:" + first.employeeId() + ":" + today)) {
                queued++;
            }
        }
        if (today.getDayOfWeek() == DayOfWeek.MONDAY) {
            String week = today.get(IsoFields.WEEK_BASED_YEAR) + "-W" + today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            Map<Long, List<ReminderQuery.Overdue>> byManager = query.overdueByManager(today).stream()
                    .collect(Collectors.groupingBy(ReminderQuery.Overdue::managerId, LinkedHashMap::new, Collectors.toList()));
            for (List<ReminderQuery.Overdue> rows : byManager.values()) {
                ReminderQuery.Overdue first = rows.getFirst();
                StringBuilder body = new StringBuilder("Hello " + first.managerFirstName() + ",\n\nthis training of your team is overdue:\n\n");
                rows.forEach(r -> body.append("- ").append(r.employeeName()).append(": ").append(r.course())
                        .append(", due ").append(DATE.format(r.dueOn())).append('\n'));
                body.append("\nTeam compliance: ").append(mailer.link("training/compliance"));
                if (mailer.queue("training-digest", first.managerEmail(), "Your team's overdue training (" + rows.size() + ")",
                        body.toString(), "training-digest:" + first.managerId() + ":" + week)) {
                    queued++;
                }
            }
        }
        return queued;
    }
}
