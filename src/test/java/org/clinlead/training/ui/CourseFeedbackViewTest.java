package org.clinlead.training.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinlead.db.Tables.COURSE_FEEDBACK;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.TRAINING_COMPLETION;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import org.clinlead.KaribuTest;
import org.clinlead.training.CourseFeedbackService;
import org.clinlead.training.FeedbackDue;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** A learner gives feedback on a completed course from "My training"; only on their own records, once. */
class CourseFeedbackViewTest extends KaribuTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    CourseFeedbackService feedback;

    @Test
    @SuppressWarnings("unchecked")
    void aLearnerRatesARecentCourseOnce() {
        login("staff");
        List<FeedbackDue> due = feedback.due();
        assertThat(due).isNotEmpty();
        FeedbackDue first = due.getFirst();
        UI.getCurrent().navigate(MyTrainingView.class);
        int buttons = _find(Button.class, spec -> spec.withText("Give feedback")).size();
        assertThat(buttons).isEqualTo(Math.min(5, due.size()));
        _click(_find(Button.class, spec -> spec.withText("Give feedback")).getFirst());
        Dialog dialog = _get(Dialog.class);
        Button send = dialog.getFooter().getElement().getChildren().map(e -> (Button) e.getComponent().orElseThrow())
                .filter(b -> b.getText().equals("Send feedback")).findFirst().orElseThrow();
        _click(send);
        RadioButtonGroup<Integer> rating = _get(RadioButtonGroup.class, spec -> spec.withLabel("How good was the course? (1 poor – 5 excellent)"));
        assertThat(rating.getErrorMessage()).isEqualTo("Rate the course from 1 (poor) to 5 (excellent).");
        _setValue(rating, 4);
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withLabel("How useful is it for your work? (1 not at all – 5 very)")), 5);
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Comment (optional)")), "Good cases from real sites.");
        _click(send);
        var saved = dsl.selectFrom(COURSE_FEEDBACK).where(COURSE_FEEDBACK.COMPLETION_ID.eq(first.completionId())).fetchSingle();
        assertThat(saved.getRating()).isEqualTo((short) 4);
        assertThat(saved.getUsefulness()).isEqualTo((short) 5);
        assertThat(saved.getComment()).isEqualTo("Good cases from real sites.");
        assertThat(feedback.due()).extracting(FeedbackDue::completionId).doesNotContain(first.completionId());
        assertThatThrownBy(() -> feedback.give(first.completionId(), 5, 5, "")).hasMessage("You have already given feedback on this course.");
    }

    @Test
    void nobodyGivesFeedbackOnSomeoneElsesRecord() {
        long colleague = dsl.select(EMPLOYEE.ID).from(EMPLOYEE).where(EMPLOYEE.EMPLOYEE_NUMBER.eq("E10017")).fetchSingle(EMPLOYEE.ID);
        long record = dsl.select(TRAINING_COMPLETION.ID).from(TRAINING_COMPLETION).where(TRAINING_COMPLETION.EMPLOYEE_ID.eq(colleague))
                .and(TRAINING_COMPLETION.STATUS.eq("complete")).and(TRAINING_COMPLETION.SUPERSEDED_BY_ID.isNull())
                .limit(1).fetchSingle(TRAINING_COMPLETION.ID);
        for (String user : List.of("staff", "manager", "hr")) {
            login(user);
            assertThatThrownBy(() -> feedback.give(record, 4, 4, "")).as(user).isInstanceOf(AccessDeniedException.class);
        }
    }
}
