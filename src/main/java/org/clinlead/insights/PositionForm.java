package org.clinlead.insights;

/** A critical position as entered: risk and impact of loss are low, medium or high. */
public record PositionForm(String title, Long orgUnitId, Long jobRoleId, Long incumbentId, String riskOfLoss, String impactOfLoss) {
}
