package org.clinlead.core.content;

import java.util.List;
import java.util.stream.Collectors;

/** A content file was rejected; nothing from it was imported. */
public class ContentException extends RuntimeException {

    private final List<ContentProblem> problems;

    public ContentException(List<ContentProblem> problems) {
        super(problems.stream().map(ContentProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public ContentException(ContentProblem problem) {
        this(List.of(problem));
    }

    public List<ContentProblem> problems() {
        return problems;
    }
}
