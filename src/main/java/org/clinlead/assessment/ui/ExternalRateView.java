package org.clinlead.assessment.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;
import org.clinlead.assessment.Questionnaire;
import org.clinlead.assessment.RatingService;

/**
 * Where an external partner (site staff, a CRO colleague) answers, through the personal link in
 * their invitation. The link opens this one assessment and nothing else; it stops working once
 * used, when the cycle's rating window ends, or when HR withdraws it.
 */
@Route(value = "external/:token", autoLayout = false)
@PageTitle("Feedback request")
@AnonymousAllowed
public class ExternalRateView extends VerticalLayout implements BeforeEnterObserver {

    private final RatingService ratings;

    public ExternalRateView(RatingService ratings) {
        this.ratings = ratings;
        setMaxWidth("60rem");
        addClassName("external-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        H1 brand = new H1("ClinLead");
        brand.addClassName("login-title");
        add(brand);
        String token = event.getRouteParameters().get("token").orElse("");
        Optional<Questionnaire> questionnaire = ratings.externalQuestionnaire(token);
        if (questionnaire.isEmpty()) {
            add(new H2("This link is no longer valid"), new Paragraph("It was used already, it expired, or it was withdrawn. "
                    + "If you still want to give feedback, ask the person who invited you."));
            return;
        }
        Questionnaire q = questionnaire.get();
        add(new H2("Feedback on " + q.subjectName()), new Paragraph(q.cycleName()));
        add(new QuestionnaireForm(q, new QuestionnaireForm.Actions() {
            @Override
            public void saveRating(long competencyId, Integer score, boolean notObserved, String comment) {
                ratings.saveExternalRating(token, competencyId, score, notObserved, comment);
            }

            @Override
            public void saveAnswer(String question, String answer) {
                ratings.saveExternalAnswer(token, question, answer);
            }

            @Override
            public boolean submit() {
                return ratings.submitExternal(token);
            }

            @Override
            public void decline(String reason) {
                ratings.declineExternal(token, reason);
            }
        }, () -> {
            removeAll();
            add(brand, new H2("Thank you"), new Paragraph("Your answer has been recorded. You can close this page."));
        }));
    }
}
