package org.clinlead.people;

import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.ORG_UNIT;
import static org.clinlead.db.Tables.ORG_UNIT_CLOSURE;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation tree. Unit names and headcounts are not personal data, so every signed-in
 * user sees the whole tree; the people in it stay scoped by the directory.
 */
@Component
@Transactional(readOnly = true)
public class OrganisationQuery {

    private final DSLContext dsl;

    OrganisationQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every unit with its depth and headcounts, parents before children, siblings by name. */
    public List<OrgUnitNode> tree() {
        var direct = DSL.select(EMPLOYEE.ORG_UNIT_ID, DSL.count().as("n")).from(EMPLOYEE)
                .where(EMPLOYEE.STATUS.ne("terminated"))
                .groupBy(EMPLOYEE.ORG_UNIT_ID).asTable("direct");
        var directUnit = direct.field(EMPLOYEE.ORG_UNIT_ID);
        var directCount = direct.field("n", Integer.class);
        var subtree = DSL.select(ORG_UNIT_CLOSURE.ANCESTOR_ID, DSL.sum(directCount).cast(Integer.class).as("n"))
                .from(ORG_UNIT_CLOSURE).join(direct).on(directUnit.eq(ORG_UNIT_CLOSURE.DESCENDANT_ID))
                .groupBy(ORG_UNIT_CLOSURE.ANCESTOR_ID).asTable("subtree");
        var depth = DSL.select(ORG_UNIT_CLOSURE.DESCENDANT_ID, DSL.max(ORG_UNIT_CLOSURE.DEPTH).as("depth"))
                .from(ORG_UNIT_CLOSURE).groupBy(ORG_UNIT_CLOSURE.DESCENDANT_ID).asTable("unit_depth");
        return dsl.select(ORG_UNIT.ID, ORG_UNIT.CODE, ORG_UNIT.NAME, ORG_UNIT.KIND, ORG_UNIT.PARENT_ID,
                        depth.field("depth", Integer.class),
                        DSL.coalesce(subtree.field("n", Integer.class), 0),
                        DSL.coalesce(directCount, 0))
                .from(ORG_UNIT)
                .join(depth).on(depth.field(ORG_UNIT_CLOSURE.DESCENDANT_ID).eq(ORG_UNIT.ID))
                .leftJoin(subtree).on(subtree.field(ORG_UNIT_CLOSURE.ANCESTOR_ID).eq(ORG_UNIT.ID))
                .leftJoin(direct).on(directUnit.eq(ORG_UNIT.ID))
                .orderBy(ORG_UNIT.NAME)
                .fetch(r -> new OrgUnitNode(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8()));
    }

    public List<OrgUnit> units() {
        return dsl.selectFrom(ORG_UNIT).orderBy(ORG_UNIT.NAME)
                .fetch(r -> new OrgUnit(r.getId(), r.getCode(), r.getName(), r.getKind(), r.getParentId(), r.getVersion()));
    }

    public Optional<OrgUnit> unit(long id) {
        return dsl.selectFrom(ORG_UNIT).where(ORG_UNIT.ID.eq(id))
                .fetchOptional(r -> new OrgUnit(r.getId(), r.getCode(), r.getName(), r.getKind(), r.getParentId(), r.getVersion()));
    }
}
