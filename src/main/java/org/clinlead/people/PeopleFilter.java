package org.clinlead.people;

/**
 * What the directory is narrowed to. Every part is optional.
 *
 * @param text      part of a name, e-mail address or employee id
 * @param orgUnitId a unit whose whole subtree is included
 */
public record PeopleFilter(String text, Long orgUnitId, Long jobRoleId, String country, String status) {

    public static PeopleFilter none() {
        return new PeopleFilter(null, null, null, null, null);
    }
}
