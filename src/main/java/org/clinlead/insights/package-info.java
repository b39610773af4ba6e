/**
 * Insights for HR, directors and managers: current proficiency against what roles require
 * (skills gaps), and later succession, pathways and the director overview (docs/insights.md).
 */
package org.clinlead.insights;
