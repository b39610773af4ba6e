package org.clinlead.people;

/** An organisation unit; {@code parentId} is null at the top of the tree. */
public record OrgUnit(long id, String code, String name, String kind, Long parentId, int version) {

    public static final java.util.List<String> KINDS =
            java.util.List.of("company", "division", "region", "country", "department", "team");
}
