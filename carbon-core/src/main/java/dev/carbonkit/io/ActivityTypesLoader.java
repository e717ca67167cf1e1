package dev.carbonkit.io;

import dev.carbonkit.factor.ActivityTypes;
import dev.carbonkit.internal.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads activity types declared without factors (low-carbon actions, payments, step counts: what rule sets credit and
 * no table has a factor for) from YAML in the format of docs/activity-types.md:
 * <pre>
 * format: carbonkit-activity-types/1
 * types:
 *   - type: action.clean_plate
 *     meaning: a meal finished with nothing left on the plate
 * </pre>
 * as strictly and safely as {@link FactorTableLoader} reads tables: every problem is reported with its line, column and
 * key path in one {@link ActivityTypesException}.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class ActivityTypesLoader {

    /** The format name the file must declare. */
    public static final String FORMAT = "carbonkit-activity-types/1";

    private static final Set<String> FILE_KEYS = Set.of("format", "types");
    private static final Set<String> TYPE_KEYS = Set.of("type", "meaning");

    private final LoadLimits limits;

    private ActivityTypesLoader(LoadLimits limits) {
        this.limits = limits;
    }

    /**
     * Gets a loader with the default limits.
     *
     * @return the loader, never null
     */
    public static ActivityTypesLoader standard() {
        return new ActivityTypesLoader(LoadLimits.defaults());
    }

    /**
     * Loads declared types from a stream of UTF-8 YAML, which is not closed.
     *
     * @param yaml  the stream, not null
     * @param source  the name to give the source in problems, not null
     * @return the vocabulary of the declared types alone, never null
     * @throws ActivityTypesException listing every problem in the stream
     * @throws IOException if the stream cannot be read
     */
    public ActivityTypes load(InputStream yaml, String source) throws IOException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(yaml, "yaml");
        return NodeReader.io(() -> read(YamlText.of(yaml, limits), source));
    }

    /**
     * Loads declared types from YAML text.
     *
     * @param yaml  the YAML text, not null
     * @param source  the name to give the source in problems, not null
     * @return the vocabulary of the declared types alone, never null
     * @throws ActivityTypesException listing every problem in the text
     */
    public ActivityTypes parse(String yaml, String source) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(source, "source");
        return read(YamlText.of(yaml, limits), source);
    }

    private ActivityTypes read(java.io.Reader text, String source) {
        Map<String, String> types = NodeReader.read(text, source, limits, ActivityTypesException::new,
                "a mapping with format and types", (reading, root) -> new TypesReader(reading).read(root));
        return ActivityTypes.empty().withDeclared(types);
    }

    private static final class TypesReader extends NodeReader {

        TypesReader(Reading reading) {
            super(reading);
        }

        Map<String, String> read(Node root) {
            Fields file = fields(root, "", FILE_KEYS, "the document");
            if (file == null) {
                return null;
            }
            checkFormat(file, FORMAT);
            Map<String, String> types = new LinkedHashMap<>();
            Map<String, Integer> lines = new LinkedHashMap<>();
            Node list = file.get("types");
            if (!(list instanceof SequenceNode sequence)) {
                reading.problem(list == null ? file.node : list, "types", "expected a list of types");
                return null;
            }
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                String path = "types[" + i + "]";
                Fields fields = fields(items.get(i), path, TYPE_KEYS, "a type");
                if (fields == null) {
                    continue;
                }
                String type = text(fields, "type", true);
                String meaning = text(fields, "meaning", true);
                if (type == null || meaning == null) {
                    continue;
                }
                if (!Checks.isActivityType(type)) {
                    reading.problem(fields.get("type"), fields.path("type"), "'" + Checks.cut(type, 80) + "' is not a"
                            + " dotted lower-case key such as 'action.clean_plate'");
                } else if (types.containsKey(type)) {
                    reading.problem(fields.get("type"), fields.path("type"), "type '" + type + "' is declared twice"
                            + " (first at line " + lines.get(type) + ")");
                } else {
                    types.put(type, meaning);
                    lines.put(type, line(fields.get("type")));
                }
            }
            return types;
        }
    }
}
