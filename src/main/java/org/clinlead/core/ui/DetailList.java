package org.clinlead.core.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Span;

/** Label–value pairs, as on a person's page. */
public class DetailList extends DescriptionList {

    public DetailList() {
        addClassName("detail-list");
    }

    public void add(String label, String value) {
        add(label, new Span(value == null || value.isBlank() ? "—" : value));
    }

    public void add(String label, Component value) {
        add(new Term(label), new Description(value));
    }
}
