package org.clinlead.competency.ui;

import com.vaadin.flow.component.html.Span;

/** The status of a framework version as a coloured badge. */
final class StatusBadge {

    private StatusBadge() {
    }

    static Span of(String status) {
        Span badge = new Span(status);
        badge.addClassNames("badge", "badge-" + status);
        return badge;
    }
}
