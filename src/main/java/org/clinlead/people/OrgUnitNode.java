package org.clinlead.people;

/**
 * An organisation unit in the tree with its people: {@code headcount} counts the whole subtree,
 * {@code directHeadcount} the unit alone (active and on-leave employees).
 */
public record OrgUnitNode(long id, String code, String name, String kind, Long parentId, int depth,
                          int headcount, int directHeadcount) {
}
