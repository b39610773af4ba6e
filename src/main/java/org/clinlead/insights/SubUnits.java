package org.clinlead.insights;

import static org.clinlead.db.Tables.ORG_UNIT;
import static org.clinlead.db.Tables.ORG_UNIT_CLOSURE;

import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The rows of a unit-based dashboard: every unit below a root maps to the sub-unit of the root it
 * lies in; the root's own members form the root's row. Columns {@code group_id}, {@code group_name}
 * and {@code member_id} (the unit mapped). Either way the member units are exactly the root's
 * subtree, so a statement joined to them needs no other condition to stay under the root.
 */
final class SubUnits {

    private SubUnits() {
    }

    static Table<?> of(long root) {
        var child = ORG_UNIT.as("child");
        return DSL.select(child.ID.as("group_id"), child.NAME.as("group_name"), ORG_UNIT_CLOSURE.DESCENDANT_ID.as("member_id"))
                .from(child).join(ORG_UNIT_CLOSURE).on(ORG_UNIT_CLOSURE.ANCESTOR_ID.eq(child.ID))
                .where(child.PARENT_ID.eq(root))
                .unionAll(DSL.select(ORG_UNIT.ID, ORG_UNIT.NAME, ORG_UNIT.ID).from(ORG_UNIT).where(ORG_UNIT.ID.eq(root)))
                .asTable("sub_unit");
    }

    /** The root's whole subtree as one row: every unit under the root (and the root) maps to the root. */
    static Table<?> whole(long root) {
        return DSL.select(ORG_UNIT.ID.as("group_id"), ORG_UNIT.NAME.as("group_name"), ORG_UNIT_CLOSURE.DESCENDANT_ID.as("member_id"))
                .from(ORG_UNIT).join(ORG_UNIT_CLOSURE).on(ORG_UNIT_CLOSURE.ANCESTOR_ID.eq(ORG_UNIT.ID))
                .where(ORG_UNIT.ID.eq(root))
                .asTable("sub_unit");
    }
}
