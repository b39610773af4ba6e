package org.clinlead.training.ui;

import com.vaadin.flow.component.html.Span;
import org.clinlead.training.TrainingStatus;

final class Badges {

    private Badges() {
    }

    static Span status(TrainingStatus status) {
        Span badge = new Span(status.label());
        badge.addClassNames("badge", "badge-" + status.name().toLowerCase(java.util.Locale.ROOT));
        return badge;
    }
}
