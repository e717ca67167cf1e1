package dev.carbonkit.io;

import dev.carbonkit.internal.DecimalText;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Composes SnakeYAML's parse events into a lean node tree, reading its text as a stream. SnakeYAML's own composer
 * costs about 150 times a file's size in heap for a file of many small values: every node keeps two marks, and every
 * mark keeps the window of code points the reader had when it was made, so the tree holds the text several times
 * over. Here a node keeps its position as two numbers, repeated short values share one string, lists are trimmed, and
 * the text is decoded as it is parsed rather than held whole, so a tree costs a few tens of times the file (measured
 * in docs/reliability.md, "The slowest loads"). It also refuses, with a position, what SnakeYAML's composer refused
 * without one: more aliases to collections than the limit, nesting deeper than the limit, an alias inside the node it
 * names, and global tags. Not API.
 */
final class TreeComposer {

    /** A refusal with the position it was found at (0 when it has none); reading stops. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        Refused(int line, int column, String message) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }
    }

    /** The stream failed: carried through SnakeYAML, which only expects its own exceptions, and rethrown. */
    static final class StreamFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StreamFailed(IOException cause) {
            super(cause.getMessage(), cause, false, false);
        }

        IOException io() {
            return (IOException) getCause();
        }
    }

    private static final int[] NO_WINDOW = new int[0];
    /** Values up to this length are shared when they repeat (keys, units, activity types, regions). */
    private static final int SHARED_LENGTH = 48;
    private static final int MAX_SHARED = 16_384;

    private final Parser parser;
    private final LoadLimits limits;
    private final Map<String, Node> anchors = new HashMap<>();
    private final Set<Node> open = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<String, String> shared = new HashMap<>();
    private int collectionAliases;

    private TreeComposer(Reader text, LoadLimits limits) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Math.max(limits.getMaxBytes(), 1));
        options.setNestingDepthLimit(limits.getMaxDepth());
        options.setMaxAliasesForCollections(limits.getMaxAliases());
        options.setAllowRecursiveKeys(false);
        options.setMergeOnCompose(false);
        this.parser = new ParserImpl(new StreamReader(text), options);
        this.limits = limits;
    }

    /**
     * Composes the one document of a text, or gives null for an empty text.
     *
     * @throws Refused  on a limit, a long word, bytes that are not UTF-8, or a composing problem
     * @throws org.yaml.snakeyaml.error.YAMLException  on a syntax error
     * @throws StreamFailed  if the stream fails
     */
    static Node compose(Reader text, LoadLimits limits) {
        return new TreeComposer(text, limits).single();
    }

    private Node single() {
        parser.getEvent(); // stream start
        Node root = null;
        if (!parser.checkEvent(Event.ID.StreamEnd)) {
            parser.getEvent(); // document start
            root = node(0);
            parser.getEvent(); // document end
        }
        if (!parser.checkEvent(Event.ID.StreamEnd)) {
            throw refused(parser.getEvent().getStartMark(), "not valid YAML: expected a single document in the stream,"
                    + " but found another document");
        }
        return root;
    }

    private Node node(int depth) {
        if (parser.checkEvent(Event.ID.Alias)) {
            AliasEvent alias = (AliasEvent) parser.getEvent();
            Node node = anchors.get(alias.getAnchor());
            if (node == null) {
                throw refused(alias.getStartMark(), "not valid YAML: found undefined alias "
                        + DecimalText.excerpt(alias.getAnchor()));
            }
            if (open.contains(node)) {
                throw refused(alias.getStartMark(), "not valid YAML: the alias " + DecimalText.excerpt(alias.getAnchor())
                        + " is inside the node it names");
            }
            if (!(node instanceof ScalarNode) && ++collectionAliases > limits.getMaxAliases()) {
                throw refused(alias.getStartMark(), limits.getMaxAliases() == 0
                        ? "refused by a limit: no aliases to mappings or lists are allowed"
                        : "refused by a limit: more than " + limits.getMaxAliases() + " aliases to mappings or lists");
            }
            return node;
        }
        NodeEvent event = (NodeEvent) parser.getEvent();
        int line = event.getStartMark().getLine();
        int column = event.getStartMark().getColumn();
        if (event instanceof ScalarEvent scalar) {
            String value = scalar.getValue();
            if (value.length() > limits.getMaxValueLength()) {
                throw refused(event.getStartMark(), "a value of " + value.length() + " characters, more than the limit"
                        + " of " + limits.getMaxValueLength() + ": " + DecimalText.excerpt(value));
            }
            Tag tag = scalar.getTag() == null || scalar.getTag().equals("!")
                    ? implicit(value, scalar.getImplicit().canOmitTagInPlainScalar()) : tag(scalar.getTag(), event);
            return anchored(event, new Scalar(tag, share(value), scalar.getScalarStyle(), line, column));
        }
        CollectionStartEvent start = (CollectionStartEvent) event;
        if (depth >= limits.getMaxDepth()) {
            throw refused(event.getStartMark(), "refused by a limit: nested more than " + limits.getMaxDepth()
                    + " levels deep");
        }
        Tag tag = start.getTag() == null || start.getTag().equals("!") ? null : tag(start.getTag(), event);
        DumperOptions.FlowStyle flow = start.getFlowStyle();
        if (start instanceof MappingStartEvent) {
            ArrayList<NodeTuple> tuples = new ArrayList<>();
            Mark mark = mark(line, column);
            MappingNode mapping = new MappingNode(tag == null ? Tag.MAP : tag, tag == null, tuples, mark, mark, flow);
            open(event, mapping);
            while (!parser.checkEvent(Event.ID.MappingEnd)) {
                Node key = node(depth + 1);
                tuples.add(new NodeTuple(key, node(depth + 1)));
            }
            parser.getEvent();
            tuples.trimToSize();
            open.remove(mapping);
            return mapping;
        }
        ArrayList<Node> items = new ArrayList<>();
        Mark mark = mark(line, column);
        SequenceNode sequence = new SequenceNode(tag == null ? Tag.SEQ : tag, tag == null, items, mark, mark, flow);
        open(event, sequence);
        while (!parser.checkEvent(Event.ID.SequenceEnd)) {
            items.add(node(depth + 1));
        }
        parser.getEvent();
        items.trimToSize();
        open.remove(sequence);
        return sequence;
    }

    /** A collection is open (an alias to it refused) until it ends. */
    private void open(NodeEvent event, Node node) {
        open.add(node);
        anchored(event, node);
    }

    private Node anchored(NodeEvent event, Node node) {
        if (event.getAnchor() != null) {
            anchors.put(event.getAnchor(), node);
            node.setAnchor(event.getAnchor());
        }
        return node;
    }

    /** The tag of a plain scalar as YAML's core schema resolves it; only null matters to the readers. */
    private static Tag implicit(String value, boolean plain) {
        if (plain && (value.isEmpty() || value.equals("~") || value.equals("null") || value.equals("Null")
                || value.equals("NULL"))) {
            return Tag.NULL;
        }
        return Tag.STR;
    }

    private Tag tag(String text, NodeEvent event) {
        Tag tag;
        try {
            tag = new Tag(text);
        } catch (IllegalArgumentException notATag) {
            // SnakeYAML's parser passes a tag its Tag refuses ("must not contain leading or trailing spaces"): Jazzer
            throw refused(event.getStartMark(), "not valid YAML: the tag "
                    + DecimalText.excerpt(text) + " is refused: "
                    + NodeReader.lowerFirst(String.valueOf(notATag.getMessage())));
        }
        if (tag.isCustomGlobal()) {
            throw refused(event.getStartMark(), "not valid YAML: Global tag is not allowed: "
                    + dev.carbonkit.internal.Checks.cut(text, DecimalText.EXCERPT));
        }
        return tag;
    }

    private String share(String value) {
        if (value.length() > SHARED_LENGTH) {
            return value;
        }
        String known = shared.get(value);
        if (known != null) {
            return known;
        }
        if (shared.size() < MAX_SHARED) {
            shared.put(value, value);
        }
        return value;
    }

    /** A mark with the position only, made when asked for (SnakeYAML's keeps the reader's window alive). */
    private static Mark mark(int line, int column) {
        return new Mark(null, 0, line, column, NO_WINDOW, 0);
    }

    /**
     * A scalar that keeps its position as two numbers rather than two marks: scalars are most of a tree's nodes (a
     * collection keeps one mark, without a window, for its start and end).
     */
    private static final class Scalar extends ScalarNode {
        private final int line;
        private final int column;

        Scalar(Tag tag, String value, DumperOptions.ScalarStyle style, int line, int column) {
            super(tag, value, null, null, style);
            this.line = line;
            this.column = column;
        }

        @Override
        public Mark getStartMark() {
            return mark(line, column);
        }

        @Override
        public Mark getEndMark() {
            return mark(line, column);
        }
    }

    private static Refused refused(Mark at, String message) {
        return new Refused(at.getLine() + 1, at.getColumn() + 1, message);
    }
}
