package dev.carbonkit.io;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.Conformance;
import dev.carbonkit.calc.Fallback;
import dev.carbonkit.emissions.Gas;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.Region;
import dev.carbonkit.quantity.Quantity;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads conformance vectors (worked cases of a factor table) from YAML in the format of
 * docs/conformance-vectors.md, as strictly and safely as {@link FactorTableLoader} reads tables: every problem
 * is reported with its line, column and key path in one {@link ConformanceVectorsException}.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class ConformanceVectorsLoader {

    /** The format name a vector file must declare. */
    public static final String FORMAT = "carbonkit-vectors/1";

    private static final Set<String> FILE_KEYS = Set.of("format", "table", "digest", "cases");
    private static final Set<String> CASE_KEYS = Set.of("name", "activity", "quantity", "region", "date", "factor",
            "gwp", "expect");
    private static final Set<String> EXPECT_KEYS = Set.of("co2e", "scale", "factor", "gases", "fallbacks");

    private final LoadLimits limits;

    private ConformanceVectorsLoader(LoadLimits limits) {
        this.limits = limits;
    }

    /**
     * Gets a loader with the default limits.
     *
     * @return the loader, never null
     */
    public static ConformanceVectorsLoader standard() {
        return new ConformanceVectorsLoader(LoadLimits.defaults());
    }

    /**
     * Gets a loader with the given limits.
     *
     * @param limits  the limits, not null
     * @return the loader, never null
     */
    public static ConformanceVectorsLoader withLimits(LoadLimits limits) {
        return new ConformanceVectorsLoader(Objects.requireNonNull(limits, "limits"));
    }

    /**
     * Loads vectors from a file.
     *
     * @param file  the YAML file, not null
     * @return the vectors, never null
     * @throws ConformanceVectorsException listing every problem in the file
     * @throws IOException if the file cannot be read
     */
    public Conformance.Vectors load(Path file) throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(Objects.requireNonNull(file, "file"))) {
            return load(in, file.toString());
        }
    }

    /**
     * Loads vectors from a stream of UTF-8 YAML, which is not closed.
     *
     * @param yaml  the stream, not null
     * @param source  the name to give the source in problems, not null
     * @return the vectors, never null
     * @throws ConformanceVectorsException listing every problem in the stream
     * @throws IOException if the stream cannot be read
     */
    public Conformance.Vectors load(InputStream yaml, String source) throws IOException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(yaml, "yaml");
        return NodeReader.io(() -> read(YamlText.of(yaml, limits), source));
    }

    /**
     * Loads vectors from YAML text.
     *
     * @param yaml  the YAML text, not null
     * @param source  the name to give the source in problems, not null
     * @return the vectors, never null
     * @throws ConformanceVectorsException listing every problem in the text
     */
    public Conformance.Vectors parse(String yaml, String source) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(source, "source");
        return read(YamlText.of(yaml, limits), source);
    }

    private Conformance.Vectors read(java.io.Reader text, String source) {
        return NodeReader.read(text, source, limits, ConformanceVectorsLoader::failure,
                "a mapping with format, table and cases",
                (reading, root) -> new VectorReader(reading).read(root));
    }

    private static ConformanceVectorsException failure(String file, List<Problem> problems) {
        return new ConformanceVectorsException(file, problems);
    }

    private static final class VectorReader extends NodeReader {

        VectorReader(Reading reading) {
            super(reading);
        }

        Conformance.Vectors read(Node root) {
            Fields file = fields(root, "", FILE_KEYS, "the document");
            if (file == null) {
                return null;
            }
            checkFormat(file, FORMAT);
            String table = text(file, "table", true);
            String digest = text(file, "digest", false);
            Node casesNode = file.get("cases");
            List<Conformance.Case> cases = new ArrayList<>();
            if (!(casesNode instanceof SequenceNode sequence)) {
                reading.problem(casesNode == null ? file.node : casesNode, "cases", "expected a list of cases");
            } else {
                for (int i = 0; i < sequence.getValue().size(); i++) {
                    Conformance.Case c = vectorCase(sequence.getValue().get(i), "cases[" + i + "]");
                    if (c != null) {
                        cases.add(c);
                    }
                }
            }
            return table == null ? null : new Conformance.Vectors(table, digest, cases);
        }

        private Conformance.Case vectorCase(Node node, String path) {
            int before = reading.problems.size();
            Fields fields = fields(node, path, CASE_KEYS, "a case");
            if (fields == null) {
                return null;
            }
            String name = text(fields, "name", true);
            String type = text(fields, "activity", true);
            Quantity quantity = code(fields, "quantity", true, this::quantity);
            Region region = code(fields, "region", true, Region::of);
            LocalDate date = code(fields, "date", true, this::date);
            String factor = text(fields, "factor", false);
            GwpSet gwp = fields.has("gwp") ? code(fields, "gwp", true, GwpSet::of) : GwpSet.AR5;
            Fields expect = fields.get("expect") == null ? null : fields(fields.get("expect"), fields.path("expect"),
                    EXPECT_KEYS, "the expected results");
            if (fields.get("expect") == null) {
                reading.problem(node, path, "missing key 'expect'");
            }
            BigDecimal co2e = expect == null ? null : decimal(expect, "co2e");
            Integer scale = expect == null || !expect.has("scale") ? null : scale(expect);
            String expectedFactor = expect == null ? null : text(expect, "factor", false);
            Map<Gas, BigDecimal> gases = expect == null ? Map.of() : gases(expect);
            List<Fallback.Kind> fallbacks = expect == null ? List.of() : fallbacks(expect);
            if (reading.problems.size() > before) {
                return null;
            }
            Activity activity;
            try {
                activity = Activity.builder(name).account("conformance").type(type).quantity(quantity)
                        .time(date.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC).region(region)
                        .factorId(factor).build();
            } catch (IllegalArgumentException invalid) {
                reading.problem(node, path, lowerFirst(invalid.getMessage()));
                return null;
            }
            return new Conformance.Case(name, activity, gwp, co2e, scale, expectedFactor, gases, fallbacks);
        }

        private Quantity quantity(String text) {
            try {
                return Quantity.parse(text);
            } catch (IllegalArgumentException invalid) {
                throw new dev.carbonkit.UnknownCodeException("quantity", text, null);
            }
        }

        private LocalDate date(String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException invalid) {
                throw new dev.carbonkit.UnknownCodeException("date (YYYY-MM-DD)", text, null);
            }
        }

        private Integer scale(Fields expect) {
            BigDecimal scale = decimal(expect, "scale");
            if (scale == null) {
                return null;
            }
            if (scale.scale() > 0 || scale.signum() < 0 || scale.compareTo(BigDecimal.valueOf(40)) > 0) {
                reading.problem(expect.get("scale"), expect.path("scale"), "expected a whole number of decimal places"
                        + " from 0 to 40, found '" + scale.toPlainString() + "'");
                return null;
            }
            return scale.intValueExact();
        }

        private Map<Gas, BigDecimal> gases(Fields expect) {
            Map<Gas, BigDecimal> gases = new EnumMap<>(Gas.class);
            Node node = expect.get("gases");
            if (node == null) {
                return gases;
            }
            if (!(node instanceof MappingNode mapping)) {
                reading.problem(node, expect.path("gases"), "expected a mapping of gas to kg CO2e, found " + kind(node));
                return gases;
            }
            for (NodeTuple tuple : mapping.getValue()) {
                String key = keyText(tuple, expect.path("gases"));
                if (key == null) {
                    continue;
                }
                String gasPath = expect.path("gases") + "." + key;
                Gas gas;
                try {
                    gas = Gas.of(key);
                } catch (dev.carbonkit.UnknownCodeException unknown) {
                    reading.problem(tuple.getKeyNode(), gasPath, lowerFirst(unknown.getMessage()));
                    continue;
                }
                if (tuple.getValueNode() instanceof ScalarNode scalar && scalar.getTag() != Tag.NULL) {
                    BigDecimal value = decimal(scalar, gasPath, scalar.getValue());
                    if (value != null) {
                        gases.put(gas, value);
                    }
                } else {
                    reading.problem(tuple.getValueNode(), gasPath, "expected a decimal number, found "
                            + kind(tuple.getValueNode()));
                }
            }
            return gases;
        }

        private List<Fallback.Kind> fallbacks(Fields expect) {
            List<Fallback.Kind> kinds = new ArrayList<>();
            Node node = expect.get("fallbacks");
            if (node == null) {
                return kinds;
            }
            if (!(node instanceof SequenceNode sequence)) {
                reading.problem(node, expect.path("fallbacks"), "expected a list of fallback kinds, found " + kind(node));
                return kinds;
            }
            for (Node item : sequence.getValue()) {
                String text = item instanceof ScalarNode scalar ? scalar.getValue() : null;
                try {
                    kinds.add(Fallback.Kind.valueOf(Objects.requireNonNull(text)));
                } catch (IllegalArgumentException | NullPointerException unknown) {
                    reading.problem(item, expect.path("fallbacks"), "unknown fallback kind " + kind(item) + "; known: "
                            + List.of(Fallback.Kind.values()));
                }
            }
            return kinds;
        }
    }
}
