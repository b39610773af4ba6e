package org.clinlead.assessment.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;
import org.clinlead.assessment.Questionnaire;
import org.clinlead.assessment.RaterGroup;
import org.clinlead.assessment.RatingService;

/** One assessment from the inbox. Anyone but the rater gets "not found". */
@Route("assessments/rate/:assignmentId")
@PermitAll
public class RateView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final RatingService ratings;
    private String title = "Assessment";

    public RateView(RatingService ratings) {
        this.ratings = ratings;
        setMaxWidth("60rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<Questionnaire> questionnaire = event.getRouteParameters().getLong("assignmentId").flatMap(ratings::questionnaire);
        if (questionnaire.isEmpty()) {
            title = "Assessment not found";
            add(new H2(title), new Paragraph("There is no assessment of yours with this number."));
            return;
        }
        Questionnaire q = questionnaire.get();
        long id = q.assignmentId();
        title = q.group() == RaterGroup.SELF ? "Self-assessment" : "Feedback on " + q.subjectName();
        add(new H2(title), new Paragraph(q.cycleName() + " · as " + q.group().singular()));
        add(new QuestionnaireForm(q, new QuestionnaireForm.Actions() {
            @Override
            public void saveRating(long competencyId, Integer score, boolean notObserved, String comment) {
                ratings.saveRating(id, competencyId, score, notObserved, comment);
            }

            @Override
            public void saveAnswer(String question, String answer) {
                ratings.saveAnswer(id, question, answer);
            }

            @Override
            public boolean submit() {
                return ratings.submit(id);
            }

            @Override
            public void decline(String reason) {
                ratings.decline(id, reason);
            }
        }, () -> getUI().ifPresent(ui -> ui.navigate(InboxView.class))));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
