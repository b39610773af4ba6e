package org.clinlead.core.content;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML node that knows its file and line, so that every problem in a content file can be
 * reported where it is. Problems are collected in a shared list rather than thrown one at a
 * time, so a file shows all its problems at once.
 */
public final class YamlNode {

    private final String file;
    private final Node node;
    private final List<ContentProblem> problems;

    private YamlNode(String file, Node node, List<ContentProblem> problems) {
        this.file = file;
        this.node = node;
        this.problems = problems;
    }

    /** Parses a document; a syntax error is thrown as a {@link ContentException} with its line. */
    public static YamlNode parse(String file, String text, List<ContentProblem> problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(5 * 1024 * 1024);
        try {
            Node root = new Yaml(options).compose(new StringReader(text));
            if (root == null) {
                throw new ContentException(new ContentProblem(file, 0, "The file is empty."));
            }
            return new YamlNode(file, root, problems);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ContentException(new ContentProblem(file, line, "Not valid YAML: " + e.getProblem()));
        } catch (YAMLException e) {
            throw new ContentException(new ContentProblem(file, 0, "Not valid YAML: " + e.getMessage()));
        }
    }

    public int line() {
        return node.getStartMark().getLine() + 1;
    }

    public String file() {
        return file;
    }

    public List<ContentProblem> problems() {
        return problems;
    }

    public void problem(String message) {
        problems.add(new ContentProblem(file, line(), message));
    }

    public boolean isMap() {
        return node instanceof MappingNode;
    }

    /** The entries of a mapping, by key, in file order; a problem and an empty map otherwise. */
    public Map<String, YamlNode> entries() {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            problem("Expected a mapping of keys to values here.");
            return entries;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                entries.put(key.getValue(), new YamlNode(file, tuple.getValueNode(), problems));
            } else {
                problems.add(new ContentProblem(file, tuple.getKeyNode().getStartMark().getLine() + 1,
                        "Keys must be plain text."));
            }
        }
        return entries;
    }

    /** The items of a sequence; a problem and an empty list otherwise. */
    public List<YamlNode> items() {
        List<YamlNode> items = new ArrayList<>();
        if (!(node instanceof SequenceNode sequence)) {
            problem("Expected a list here.");
            return items;
        }
        for (Node item : sequence.getValue()) {
            items.add(new YamlNode(file, item, problems));
        }
        return items;
    }

    /** The scalar text of this node, or a problem and null. */
    public String text() {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue().trim();
        }
        problem("Expected a single value here.");
        return null;
    }

    public Optional<YamlNode> get(String key) {
        return Optional.ofNullable(entries().get(key));
    }

    /** A required text value under {@code key} of this mapping. */
    public String requiredText(String key) {
        YamlNode value = entries().get(key);
        if (value == null) {
            problem("\"" + key + "\" is missing.");
            return null;
        }
        String text = value.text();
        if (text != null && text.isEmpty()) {
            value.problem("\"" + key + "\" is empty.");
            return null;
        }
        return text;
    }

    public String optionalText(String key, String fallback) {
        YamlNode value = entries().get(key);
        if (value == null) {
            return fallback;
        }
        String text = value.text();
        return text == null ? fallback : text;
    }

    /** A required whole number under {@code key}, within bounds. */
    public Integer requiredInt(String key, int min, int max) {
        YamlNode value = entries().get(key);
        if (value == null) {
            problem("\"" + key + "\" is missing.");
            return null;
        }
        return value.intValue(key, min, max);
    }

    public Integer intValue(String what, int min, int max) {
        String text = text();
        if (text == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(text);
            if (number < min || number > max) {
                problem("\"" + what + "\" must be between " + min + " and " + max + ", not " + number + ".");
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            problem("\"" + what + "\" must be a whole number, not \"" + text + "\".");
            return null;
        }
    }

    /** Flags keys this node does not know, which are usually typos. */
    public void allowOnly(String... keys) {
        List<String> known = List.of(keys);
        if (!(node instanceof MappingNode mapping)) {
            return;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && !known.contains(key.getValue())) {
                problems.add(new ContentProblem(file, tuple.getKeyNode().getStartMark().getLine() + 1,
                        "Unknown key \"" + key.getValue() + "\"; expected one of " + String.join(", ", known) + "."));
            }
        }
    }
}
