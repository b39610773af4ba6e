package org.clinlead.assessment;

/**
 * How many raters a group needs and when its answers may be shown: numbers from
 * {@code numbersThreshold} answers, comments from {@code commentsThreshold}.
 */
public record GroupRule(int minRaters, int maxRaters, int numbersThreshold, int commentsThreshold) {

    /** The usual rules: 1 self, 1 manager, 3-8 peers and 3-6 direct reports shown from 3, up to 4 externals shown from 3. */
    public static GroupRule defaultFor(RaterGroup group) {
        return switch (group) {
            case SELF, MANAGER -> new GroupRule(1, 1, 1, 1);
            case PEER -> new GroupRule(3, 8, 3, 3);
            case DIRECT_REPORT -> new GroupRule(0, 8, 3, 3);
            case EXTERNAL -> new GroupRule(0, 4, 3, 4);
            case COMBINED -> throw new IllegalArgumentException("the combined group takes the strictest rules of the groups it combines");
        };
    }
}
