package dev.carbonkit.io;

import dev.carbonkit.UnknownCodeException;
import dev.carbonkit.factor.TableInfo;
import dev.carbonkit.internal.Checks;
import dev.carbonkit.internal.DecimalText;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * What every strict YAML reader in this package shares: composing a node tree under {@link LoadLimits},
 * collecting {@link Problem}s with their positions, and reading mappings whose keys are checked. Not API.
 */
abstract class NodeReader {

    /** A plain decimal number as the formats accept it; never hexadecimal, underscores, infinities or NaN. */
    static final Pattern DECIMAL = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

    final Reading reading;

    NodeReader(Reading reading) {
        this.reading = reading;
    }

    /** Thrown inside the reader when the problem limit is reached. */
    static final class TooManyProblems extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManyProblems() {
            super(null, null, false, false);
        }
    }

    /** The longest message a problem keeps. */
    static final int MAX_MESSAGE = 500;

    /** The problems of one load. */
    static final class Reading {
        final String source;
        final int maxProblems;
        final List<Problem> problems = new ArrayList<>();

        Reading(String source, int maxProblems) {
            this.source = source;
            this.maxProblems = maxProblems;
        }

        void problem(int line, int column, String path, String message) {
            // a message quotes values cut to 80 characters; this bounds one that quotes something else at length
            problems.add(new Problem(source, line, column, path, Checks.cut(message, MAX_MESSAGE)));
            if (problems.size() >= maxProblems) {
                problems.add(new Problem(source, 0, 0, "", "stopped after " + maxProblems + " problems"));
                throw new TooManyProblems();
            }
        }

        void problem(Node at, String path, String message) {
            Mark mark = at.getStartMark();
            problem(mark.getLine() + 1, mark.getColumn() + 1, path, message);
        }
    }

    /** The keys of one mapping, checked against the keys allowed there. */
    static final class Fields {
        final MappingNode node;
        final String path;
        final Map<String, NodeTuple> byKey = new LinkedHashMap<>();

        Fields(MappingNode node, String path) {
            this.node = node;
            this.path = path;
        }

        boolean has(String key) {
            return byKey.containsKey(key);
        }

        Node get(String key) {
            NodeTuple tuple = byKey.get(key);
            return tuple == null ? null : tuple.getValueNode();
        }

        String path(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }
    }

    /**
     * Reads a whole document: composes its text under the limits (the size limit and strict UTF-8 applied as the text
     * is read: {@link YamlText}) and gives the root to a reader; returns the reader's result only if no problem was
     * found.
     *
     * @throws TreeComposer.StreamFailed if the text's stream fails: see {@link #io(StreamRead)}
     */
    static <T> T read(java.io.Reader text, String source, LoadLimits limits,
            BiFunction<String, List<Problem>, ? extends LoadException> failure, String expected,
            BiFunction<Reading, Node, T> reader) {
        Reading reading = new Reading(source, limits.getMaxProblems());
        try {
            Node root = compose(text, limits, reading, expected);
            if (root != null) {
                T result = reader.apply(reading, root);
                if (reading.problems.isEmpty()) {
                    return result;
                }
            }
        } catch (TooManyProblems enough) {
            // stop reading; report what was found
        }
        throw failure.apply(source, reading.problems);
    }

    /** A read of a stream, which may fail. */
    interface StreamRead<T> {
        T read();
    }

    /** Runs a read of a stream, giving the stream's own failure as the IOException it was. */
    static <T> T io(StreamRead<T> read) throws IOException {
        try {
            return read.read();
        } catch (TreeComposer.StreamFailed failed) {
            throw failed.io();
        }
    }

    /**
     * Reads a table's id and provenance (table, title, publisher, edition, licence; attribution and url optional), or
     * gives null with the problems found: shared by the factor-table and money-table readers.
     */
    TableInfo tableInfo(Fields table) {
        String id = text(table, "table", true);
        String title = text(table, "title", true);
        String publisher = text(table, "publisher", true);
        String edition = text(table, "edition", true);
        String licence = text(table, "licence", true);
        String attribution = text(table, "attribution", false);
        String url = text(table, "url", false);
        if (id == null || title == null || publisher == null || edition == null || licence == null) {
            return null;
        }
        try {
            return TableInfo.builder(id).title(title).publisher(publisher).edition(edition).licence(licence)
                    .attribution(attribution).url(url).build();
        } catch (IllegalArgumentException invalid) {
            reading.problem(table.get("table"), "table", lowerFirst(invalid.getMessage()));
            return null;
        }
    }

    /** Checks the document's 'format' key: present, and the one this reader reads. */
    void checkFormat(Fields document, String expected) {
        String format = text(document, "format", true);
        if (format != null && !format.equals(expected)) {
            reading.problem(document.get("format"), "format", "unsupported format '" + format + "'; this version of"
                    + " carbonkit reads '" + expected + "'");
        }
    }

    static Node compose(java.io.Reader text, LoadLimits limits, Reading reading, String expected) {
        try {
            Node root = TreeComposer.compose(text, limits);
            if (root == null) {
                reading.problem(1, 1, "", "the file is empty; expected " + expected);
            }
            return root;
        } catch (TreeComposer.Refused refused) {
            reading.problem(refused.line, refused.column, "", refused.getMessage());
        } catch (MarkedYAMLException syntax) {
            Mark mark = syntax.getProblemMark() != null ? syntax.getProblemMark() : syntax.getContextMark();
            String what = syntax.getContext() == null ? syntax.getProblem()
                    : syntax.getProblem() == null ? syntax.getContext()
                    : syntax.getContext() + ", " + syntax.getProblem();
            reading.problem(mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1, "",
                    "not valid YAML: " + what);
        } catch (NumberFormatException cutShort) {
            // SnakeYAML's scanner parses the hex digits of an escape it reads past the end of the text (Jazzer's find)
            reading.problem(0, 0, "", "not valid YAML: the file ends inside an escape sequence (\\x, \\u or \\U) of a"
                    + " quoted value");
        } catch (org.yaml.snakeyaml.reader.ReaderException character) {
            reading.problem(0, 0, "", "not valid YAML: the character " + String.format(java.util.Locale.ROOT, "U+%04X",
                    character.getCodePoint()) + " is not allowed (character " + (character.getPosition() + 1L)
                    + " of the file)");
        } catch (YAMLException limit) {
            reading.problem(0, 0, "", "refused by a limit: " + firstLine(limit.getMessage()));
        } catch (StackOverflowError deep) {
            reading.problem(0, 0, "", "refused: nesting too deep to read");
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no detail)";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    Fields fields(Node node, String path, Set<String> allowed, String what) {
        if (!(node instanceof MappingNode mapping)) {
            reading.problem(node, path, "expected " + what + " (a mapping of keys to values), found " + kind(node));
            return null;
        }
        Fields fields = new Fields(mapping, path);
        for (NodeTuple tuple : mapping.getValue()) {
            String key = keyText(tuple, path);
            if (key == null) {
                continue;
            }
            String keyPath = fields.path(key);
            if (key.equals("<<")) {
                reading.problem(tuple.getKeyNode(), keyPath, "merge keys ('<<') are not supported; write the keys out");
            } else if (!allowed.contains(key)) {
                String hint = Checks.suggest(key, allowed);
                reading.problem(tuple.getKeyNode(), keyPath, "unknown key '" + key + "'"
                        + (hint == null ? "; allowed here: " + new java.util.TreeSet<>(allowed)
                                : "; did you mean '" + hint + "'?"));
            } else if (fields.byKey.containsKey(key)) {
                reading.problem(tuple.getKeyNode(), keyPath, "duplicate key '" + key + "' (first at line "
                        + (fields.byKey.get(key).getKeyNode().getStartMark().getLine() + 1) + ")");
            } else {
                fields.byKey.put(key, tuple);
            }
        }
        return fields;
    }

    String keyText(NodeTuple tuple, String path) {
        if (tuple.getKeyNode() instanceof ScalarNode key && key.getTag() != Tag.NULL) {
            return key.getValue();
        }
        reading.problem(tuple.getKeyNode(), path, "keys must be plain text, found " + kind(tuple.getKeyNode()));
        return null;
    }

    String text(Fields fields, String key, boolean required) {
        Node node = fields.get(key);
        if (node == null) {
            if (required) {
                reading.problem(fields.node, fields.path, "missing key '" + key + "'");
            }
            return null;
        }
        if (!(node instanceof ScalarNode scalar)) {
            reading.problem(node, fields.path(key), "expected text, found " + kind(node));
            return null;
        }
        if (scalar.getTag() == Tag.NULL || Checks.isBlank(scalar.getValue())) {
            reading.problem(node, fields.path(key), "'" + key + "' has no value");
            return null;
        }
        return scalar.getValue();
    }

    /**
     * A decimal number, read by the one number reader: its bounds (docs/factor-table-format.md, "Numbers") are checked
     * on its text before it is made.
     */
    BigDecimal decimal(Fields fields, String key) {
        String text = text(fields, key, true);
        return text == null ? null : decimal(fields.get(key), fields.path(key), text);
    }

    /** A decimal number of a node's text, or null with a problem. */
    BigDecimal decimal(Node node, String path, String text) {
        String problem = DecimalText.problem(text);
        if (problem != null) {
            reading.problem(node, path, problem);
            return null;
        }
        return new BigDecimal(text);
    }

    /** A code such as a unit, region or GWP set; an unknown code is a problem with the parser's hint. */
    <T> T code(Fields fields, String key, boolean required, Function<String, T> parser) {
        String text = text(fields, key, required);
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (UnknownCodeException unknown) {
            reading.problem(fields.get(key), fields.path(key), lowerFirst(unknown.getMessage()));
            return null;
        }
    }

    static Node valueOf(Node factor, String key) {
        if (factor instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return tuple.getValueNode();
                }
            }
        }
        return factor;
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    static String kind(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof ScalarNode scalar) {
            return scalar.getTag() == Tag.NULL ? "nothing" : DecimalText.excerpt(scalar.getValue());
        }
        return "an alias";
    }

    static String lowerFirst(String message) {
        return message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }
}
