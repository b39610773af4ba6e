package org.clinlead.impact;

/** A released 360 cycle, to choose on the impact pages. */
public record ReleasedCycle(long id, String name) {
}
