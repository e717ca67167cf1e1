package dev.carbonkit.io;

import dev.carbonkit.factor.Crosswalk;
import dev.carbonkit.internal.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a crosswalk (categories of another classification to activity types) from YAML in the format of
 * docs/spend-based.md:
 * <pre>
 * format: carbonkit-crosswalk/1
 * crosswalk: coicop-to-naics-illustrative
 * from: COICOP 2018
 * source: the project's own reading of the two classifications
 * status: "ILLUSTRATIVE: not an official concordance"
 * mappings:
 *   - {code: "03.1.2", label: Garments, type: spend.naics.315220}
 * </pre>
 * as strictly and safely as {@link FactorTableLoader} reads tables: every problem is reported with its line, column and
 * key path in one {@link CrosswalkException}. An activity type is checked for its form; whether a table has factors
 * for it is the vocabulary's question ({@code ActivityTypes}).
 * <p>
 * This class is immutable and thread-safe.
 */
public final class CrosswalkLoader {

    /** The format name the file must declare. */
    public static final String FORMAT = "carbonkit-crosswalk/1";

    private static final Set<String> FILE_KEYS = Set.of("format", "crosswalk", "from", "source", "status", "mappings");
    private static final Set<String> MAPPING_KEYS = Set.of("code", "label", "type", "source", "status");

    private final LoadLimits limits;

    private CrosswalkLoader(LoadLimits limits) {
        this.limits = limits;
    }

    /**
     * Gets a loader with the default limits.
     *
     * @return the loader, never null
     */
    public static CrosswalkLoader standard() {
        return new CrosswalkLoader(LoadLimits.defaults());
    }

    /**
     * Loads a crosswalk from a stream of UTF-8 YAML, which is not closed.
     *
     * @param yaml  the stream, not null
     * @param source  the name to give the source in problems, not null
     * @return the crosswalk, never null
     * @throws CrosswalkException listing every problem in the stream
     * @throws IOException if the stream cannot be read
     */
    public Crosswalk load(InputStream yaml, String source) throws IOException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(yaml, "yaml");
        return NodeReader.io(() -> read(YamlText.of(yaml, limits), source));
    }

    /**
     * Loads a crosswalk from YAML text.
     *
     * @param yaml  the YAML text, not null
     * @param source  the name to give the source in problems, not null
     * @return the crosswalk, never null
     * @throws CrosswalkException listing every problem in the text
     */
    public Crosswalk parse(String yaml, String source) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(source, "source");
        return read(YamlText.of(yaml, limits), source);
    }

    private Crosswalk read(java.io.Reader text, String source) {
        return NodeReader.read(text, source, limits, CrosswalkException::new,
                "a mapping with format, crosswalk, from, source, status and mappings",
                (reading, root) -> new CrosswalkReader(reading).read(root));
    }

    private static final class CrosswalkReader extends NodeReader {

        CrosswalkReader(Reading reading) {
            super(reading);
        }

        Crosswalk read(Node root) {
            Fields file = fields(root, "", FILE_KEYS, "the document");
            if (file == null) {
                return null;
            }
            checkFormat(file, FORMAT);
            String id = text(file, "crosswalk", true);
            String from = text(file, "from", true);
            String source = text(file, "source", true);
            String status = text(file, "status", true);
            Node list = file.get("mappings");
            if (!(list instanceof SequenceNode sequence)) {
                reading.problem(list == null ? file.node : list, "mappings", "expected a list of mappings");
                return null;
            }
            List<Crosswalk.Mapping> mappings = new ArrayList<>();
            Map<String, Integer> lines = new LinkedHashMap<>();
            for (int i = 0; i < sequence.getValue().size(); i++) {
                String path = "mappings[" + i + "]";
                Fields fields = fields(sequence.getValue().get(i), path, MAPPING_KEYS, "a mapping");
                if (fields == null) {
                    continue;
                }
                String code = text(fields, "code", true);
                String label = text(fields, "label", true);
                String type = text(fields, "type", true);
                String own = text(fields, "source", false);
                String trust = text(fields, "status", false);
                if (code == null || label == null || type == null) {
                    continue;
                }
                if (!Checks.isActivityType(type)) {
                    reading.problem(fields.get("type"), fields.path("type"), "'" + Checks.cut(type, 80) + "' is not a"
                            + " dotted lower-case activity type such as 'spend.naics.315220'");
                } else if (lines.containsKey(code)) {
                    reading.problem(fields.get("code"), fields.path("code"), "category '" + Checks.cut(code, 80)
                            + "' is mapped twice (first at line " + lines.get(code) + ")");
                } else {
                    lines.put(code, line(fields.get("code")));
                    mappings.add(new Crosswalk.Mapping(code, label, type, own, trust));
                }
            }
            return id == null || from == null || source == null || status == null ? null
                    : Crosswalk.of(id, from, source, status, mappings);
        }
    }
}
