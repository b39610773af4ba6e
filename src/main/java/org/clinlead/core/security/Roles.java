package org.clinlead.core.security;

import java.util.List;

/** The roles a ClinLead user may hold; a person may hold several. */
public final class Roles {

    public static final String STAFF = "STAFF";
    public static final String COACH = "COACH";
    public static final String MANAGER = "MANAGER";
    public static final String HR = "HR";
    public static final String DIRECTOR = "DIRECTOR";
    public static final String ADMIN = "ADMIN";

    public static final List<String> ALL = List.of(STAFF, COACH, MANAGER, HR, DIRECTOR, ADMIN);

    private Roles() {
    }

    /** What the role lets a person do, in one line for the user administration screen. */
    public static String describe(String role) {
        return switch (role) {
            case STAFF -> "Own profile, role requirements, assessments and training";
            case COACH -> "Their coachees";
            case MANAGER -> "Their reporting line";
            case HR -> "People, frameworks and imports in their organisation scope";
            case DIRECTOR -> "Their organisation subtree";
            case ADMIN -> "Everything, including users and API tokens";
            default -> throw new IllegalArgumentException("Unknown role " + role);
        };
    }
}
