package org.clinlead.training;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.clinlead.core.content.ContentException;
import org.clinlead.core.content.ContentProblem;
import org.clinlead.core.content.YamlNode;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The in-app modules under {@code content/courses/modules/} (docs/content-format.md, "Courses"):
 * read and checked once, then kept in memory. Markdown is rendered with raw HTML escaped.
 */
@Component
public class ModuleLibrary {

    static final String ROOT = "content/courses/modules/";

    private static final Parser MARKDOWN = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(List.of(TablesExtension.create()))
            .escapeHtml(true).sanitizeUrls(true).build();

    private final Map<String, Module> modules = new ConcurrentHashMap<>();

    /** The module in this folder; a module that is missing or wrong is a ContentException. */
    public Module module(String folder) {
        return modules.computeIfAbsent(folder, ModuleLibrary::read);
    }

    public boolean exists(String folder) {
        return new ClassPathResource(ROOT + folder + "/module.yaml").exists();
    }

    static Module read(String folder) {
        String file = ROOT + folder + "/module.yaml";
        List<ContentProblem> problems = new ArrayList<>();
        YamlNode root = YamlNode.parse(file, text(file).orElseThrow(() ->
                new ContentException(new ContentProblem(file, 0, "The module file is missing."))), problems);
        List<Module.Lesson> lessons = new ArrayList<>();
        Module.Quiz quiz = null;
        if (problems.isEmpty()) {
            root.allowOnly("lessons", "quiz");
            YamlNode list = root.get("lessons").orElse(null);
            if (list == null || list.items().isEmpty()) {
                root.problem("List the lessons (\"lessons\").");
            } else {
                for (YamlNode item : list.items()) {
                    String name = item.text();
                    if (name == null) {
                        continue;
                    }
                    Optional<String> markdown = name.matches("[A-Za-z0-9][A-Za-z0-9._-]*\\.md") ? text(ROOT + folder + "/" + name) : Optional.empty();
                    if (markdown.isEmpty()) {
                        item.problem("There is no lesson file " + name + " next to module.yaml.");
                    } else {
                        lessons.add(lesson(ROOT + folder + "/" + name, markdown.get(), problems));
                    }
                }
            }
            quiz = root.get("quiz").map(ModuleLibrary::quiz).orElse(null);
            if (quiz == null && root.get("quiz").isEmpty()) {
                root.problem("\"quiz\" is missing.");
            }
        }
        if (!problems.isEmpty()) {
            throw new ContentException(problems);
        }
        return new Module(folder, List.copyOf(lessons), quiz);
    }

    private static Module.Lesson lesson(String file, String markdown, List<ContentProblem> problems) {
        String text = markdown.strip();
        if (!text.startsWith("# ")) {
            problems.add(new ContentProblem(file, 1, "A lesson starts with a \"# Title\" line."));
            return new Module.Lesson(file, "", 0);
        }
        int end = text.indexOf('\n');
        String title = (end < 0 ? text.substring(2) : text.substring(2, end)).strip();
        String body = end < 0 ? "" : text.substring(end + 1);
        int words = body.isBlank() ? 0 : body.strip().split("\\s+").length;
        return new Module.Lesson(title, HTML.render(MARKDOWN.parse(body)), words);
    }

    private static Module.Quiz quiz(YamlNode node) {
        node.allowOnly("passMark", "questions");
        Integer passMark = node.requiredInt("passMark", 1, 100);
        List<Module.Question> questions = new ArrayList<>();
        YamlNode list = node.get("questions").orElse(null);
        if (list == null) {
            node.problem("\"questions\" is missing.");
            return null;
        }
        Set<String> ids = new HashSet<>();
        for (YamlNode q : list.items()) {
            q.allowOnly("id", "text", "multiple", "options", "explanation");
            int before = q.problems().size();
            String id = q.requiredText("id");
            if (id != null && !id.matches("[a-z0-9-]+")) {
                q.problem("Question id \"" + id + "\": use lower-case letters, digits and '-'.");
            } else if (id != null && !ids.add(id)) {
                q.problem("Question id \"" + id + "\" is used twice.");
            }
            String text = q.requiredText("text");
            boolean multiple = "true".equals(q.optionalText("multiple", "false"));
            List<Module.Option> options = new ArrayList<>();
            q.get("options").ifPresentOrElse(opts -> opts.items().forEach(o -> {
                o.allowOnly("text", "correct");
                String optionText = o.requiredText("text");
                String correct = o.optionalText("correct", "false");
                if (!correct.equals("true") && !correct.equals("false")) {
                    o.problem("\"correct\" is true or false.");
                }
                if (optionText != null) {
                    options.add(new Module.Option(optionText, correct.equals("true")));
                }
            }), () -> q.problem("\"options\" is missing."));
            long correct = options.stream().filter(Module.Option::correct).count();
            if (options.size() < 2 || options.size() > 6) {
                q.problem("A question has 2 to 6 options, not " + options.size() + ".");
            } else if (correct == 0) {
                q.problem("Mark at least one option correct.");
            } else if (!multiple && correct > 1) {
                q.problem("Only one option can be correct unless \"multiple: true\".");
            }
            String explanation = q.requiredText("explanation");
            if (q.problems().size() == before) {
                questions.add(new Module.Question(id, text, multiple, List.copyOf(options), explanation));
            }
        }
        if (list.items().size() < 8) {
            list.problem("A quiz has at least 8 questions, not " + list.items().size() + ".");
        }
        return passMark == null ? null : new Module.Quiz(passMark, List.copyOf(questions));
    }

    private static Optional<String> text(String path) {
        Resource resource = new ClassPathResource(path);
        if (!resource.exists()) {
            return Optional.empty();
        }
        try (InputStream in = resource.getInputStream()) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ContentException(new ContentProblem(path, 0, "Could not be read: " + e.getMessage()));
        }
    }
}
