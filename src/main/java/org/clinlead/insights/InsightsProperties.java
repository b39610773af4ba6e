package org.clinlead.insights;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param minGroup the smallest group of people whose skills-gap figures are shown (docs/insights.md,
 *                 "Scope and anonymity"); never below {@link GapMap#FLOOR}. A framework whose released
 *                 360s used a higher anonymity threshold uses that one.
 */
@ConfigurationProperties("clinlead.insights")
public record InsightsProperties(@DefaultValue("3") int minGroup) {

    public InsightsProperties {
        if (minGroup < GapMap.FLOOR) {
            throw new IllegalArgumentException("clinlead.insights.min-group is " + minGroup + "; it must be at least "
                    + GapMap.FLOOR + ", the smallest anonymous group a 360 ever shows");
        }
    }
}
