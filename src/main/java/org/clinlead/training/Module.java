package org.clinlead.training;

import java.util.List;

/** An in-app learning module: lessons rendered from Markdown, and its quiz. */
public record Module(String folder, List<Lesson> lessons, Quiz quiz) {

    /** A lesson; {@code html} is rendered from trusted content with raw HTML escaped. */
    public record Lesson(String title, String html, int words) {
    }

    public record Quiz(int passMark, List<Question> questions) {

        public Question question(String id) {
            return questions.stream().filter(q -> q.id().equals(id)).findFirst().orElse(null);
        }
    }

    public record Question(String id, String text, boolean multiple, List<Option> options, String explanation) {

        public List<Integer> correctOptions() {
            List<Integer> correct = new java.util.ArrayList<>();
            for (int i = 0; i < options.size(); i++) {
                if (options.get(i).correct()) {
                    correct.add(i);
                }
            }
            return correct;
        }
    }

    public record Option(String text, boolean correct) {
    }

    public int minutesToRead() {
        return Math.max(1, (int) Math.round(lessons.stream().mapToInt(Lesson::words).sum() / 200.0));
    }
}
