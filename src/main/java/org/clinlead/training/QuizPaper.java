package org.clinlead.training;

import java.util.List;

/**
 * A quiz as served for one attempt: questions and options in a shuffled order. An option is
 * identified by its number in the module file; which ones are correct stays on the server.
 */
public record QuizPaper(long attemptId, String courseTitle, String version, int passMark, List<Question> questions) {

    public record Question(String id, String text, boolean multiple, List<Option> options) {
    }

    public record Option(int number, String text) {
    }
}
