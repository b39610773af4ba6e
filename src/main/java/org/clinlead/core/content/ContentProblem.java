package org.clinlead.core.content;

/** Something wrong in a content file, with the line (1-based) where it is. */
public record ContentProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? " line " + line : "") + ": " + message;
    }
}
