package org.clinlead.insights.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import java.util.List;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.insights.SkillsGapQuery;

/**
 * The organisation unit a dashboard starts from: the units of the reader's scope, preset to their
 * scope's top (hidden when they have no organisation scope, e.g. a manager, whose reporting line
 * is the scope). {@link #root()} is the chosen unit, or that default.
 */
class UnitPicker extends ComboBox<SkillsGapQuery.Unit> {

    private final SkillsGapQuery gaps;
    private final CurrentUser user;

    UnitPicker(SkillsGapQuery gaps, CurrentUser user, Runnable onChange) {
        this(gaps, user, gaps.units(user), onChange);
    }

    /** A picker over the given units (e.g. every unit, for a page of aggregates). */
    UnitPicker(SkillsGapQuery gaps, CurrentUser user, List<SkillsGapQuery.Unit> units, Runnable onChange) {
        super("Organisation unit");
        this.gaps = gaps;
        this.user = user;
        setItems(units);
        setItemLabelGenerator(SkillsGapQuery.Unit::name);
        setVisible(!units.isEmpty());
        long root = gaps.defaultRoot(user);
        units.stream().filter(u -> u.id() == root).findFirst().ifPresent(this::setValue);
        addValueChangeListener(e -> onChange.run());
    }

    long root() {
        return getValue() == null ? gaps.defaultRoot(user) : getValue().id();
    }

    Long chosen() {
        return getValue() == null ? null : getValue().id();
    }
}
