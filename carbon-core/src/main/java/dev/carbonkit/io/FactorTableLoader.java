package dev.carbonkit.io;

import dev.carbonkit.UnknownCodeException;
import dev.carbonkit.emissions.Gas;
import dev.carbonkit.emissions.GasBasis;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.EmissionFactor;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factor.TableInfo;
import dev.carbonkit.factor.Uncertainty;
import dev.carbonkit.factor.ValidityPeriod;
import dev.carbonkit.internal.Checks;
import dev.carbonkit.internal.DecimalText;
import dev.carbonkit.quantity.Dimension;
import dev.carbonkit.quantity.InvalidQuantityException;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.quantity.QuantityParseException;
import dev.carbonkit.quantity.Unit;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * Loads a factor table from YAML in the format of docs/factor-table-format.md, strictly, exactly and safely.
 * <p>
 * For example, {@code FactorTableLoader.standard().load(Path.of("desnz-2024.yaml"))}.
 * <ul>
 * <li><b>Exact.</b> Numbers are read from the scalar's text as written, never through {@code double}:
 * {@code 0.26473} in the file is exactly 0.26473 in memory.</li>
 * <li><b>Safe.</b> SnakeYAML only parses, and carbonkit composes its events into a node tree; no object is ever
 * constructed from the input, global
 * tags are refused, and the {@link LoadLimits} bound size, nesting, aliases, factors and problems.</li>
 * <li><b>Strict.</b> Unknown or duplicate keys, duplicate factor ids, wrong types, unknown units, regions,
 * gases or GWP sets, invalid dates, and overlapping validity for the same activity, region and unit are
 * errors.</li>
 * <li><b>Helpful.</b> Every problem in the file is reported together in one {@link FactorTableException},
 * each with the file, the 1-based line and column, the key path and, where one helps, a hint such as "did
 * you mean 'kWh'?". A table with any problem is not returned, so none of it is used.</li>
 * </ul>
 * <p>
 * This class is immutable and thread-safe.
 */
public final class FactorTableLoader {

    /** The format name a table file must declare in its {@code format} key. */
    public static final String FORMAT = FactorTable.CANONICAL_FORMAT;

    private static final FactorTableLoader STANDARD = new FactorTableLoader(LoadLimits.defaults());

    /** Stands in for a table whose own keys have problems, so that its factors are still checked. */
    private static final TableInfo PLACEHOLDER = TableInfo.builder("unreadable-table").title("?").publisher("?")
            .edition("?").licence("?").build();

    private static final Set<String> TABLE_KEYS = Set.of("format", "table", "title", "publisher", "edition", "licence",
            "attribution", "url", "gwp", "gases-as", "unit", "region", "valid", "factors");
    private static final Set<String> FACTOR_KEYS = Set.of("id", "activity", "region", "valid", "per", "co2e", "unit",
            "gwp", "gases-as", "gases", "source", "uncertainty", "boundary", "status");
    private static final Set<String> SOURCE_KEYS = Set.of("row", "location");
    private static final Set<String> UNCERTAINTY_KEYS = Set.of("minus-percent", "plus-percent");

    private final LoadLimits limits;

    private FactorTableLoader(LoadLimits limits) {
        this.limits = limits;
    }

    /**
     * Gets a loader with the {@linkplain LoadLimits#defaults() default limits}.
     *
     * @return the loader, never null
     */
    public static FactorTableLoader standard() {
        return STANDARD;
    }

    /**
     * Gets a loader with the given limits.
     *
     * @param limits  the limits, not null
     * @return the loader, never null
     */
    public static FactorTableLoader withLimits(LoadLimits limits) {
        return new FactorTableLoader(Objects.requireNonNull(limits, "limits"));
    }

    /**
     * Gets the limits this loader applies.
     *
     * @return the limits, never null
     */
    public LoadLimits getLimits() {
        return limits;
    }

    //-----------------------------------------------------------------------
    /**
     * Loads a table from a file; problems name the file as the path is written.
     *
     * @param file  the YAML file, not null
     * @return the table, never null
     * @throws FactorTableException listing every problem in the file
     * @throws IOException if the file cannot be read
     */
    public FactorTable load(Path file) throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(Objects.requireNonNull(file, "file"))) {
            return load(in, file.toString());
        }
    }

    /**
     * Loads a table from a classpath resource of the given class loader.
     *
     * @param classLoader  the class loader to find the resource with, not null
     * @param resource  the resource name, such as "dev/carbonkit/factors/desnz-2024.yaml", not null
     * @return the table, never null
     * @throws FactorTableException listing every problem in the resource, or saying it does not exist
     * @throws IOException if the resource cannot be read
     */
    public FactorTable loadResource(ClassLoader classLoader, String resource) throws IOException {
        Objects.requireNonNull(classLoader, "classLoader");
        Objects.requireNonNull(resource, "resource");
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new FactorTableException(resource, List.of(new Problem(resource, 0, 0, "",
                        "no such resource on the class path")));
            }
            return load(in, resource);
        }
    }

    /**
     * Loads a table from a stream of UTF-8 YAML. The stream is read to its end, or to the size limit, and
     * not closed.
     *
     * @param yaml  the stream, not null
     * @param source  the name to give the source in problems, such as a file name, not null
     * @return the table, never null
     * @throws FactorTableException listing every problem in the stream
     * @throws IOException if the stream cannot be read
     */
    public FactorTable load(InputStream yaml, String source) throws IOException {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(yaml, "yaml");
        return NodeReader.io(() -> read(YamlText.of(yaml, limits), source));
    }

    /**
     * Loads a table from YAML text.
     *
     * @param yaml  the YAML text, not null
     * @param source  the name to give the source in problems, not null
     * @return the table, never null
     * @throws FactorTableException listing every problem in the text
     */
    public FactorTable parse(String yaml, String source) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(source, "source");
        return read(YamlText.of(yaml, limits), source);
    }

    private FactorTable read(java.io.Reader text, String source) {
        return NodeReader.read(text, source, limits, FactorTableException::new, "a mapping with format, table and factors",
                (reading, root) -> new TableReader(reading, limits).read(root));
    }

    /** Reads one document into a table, recording problems instead of stopping at the first. */
    private static final class TableReader extends NodeReader {
        private final LoadLimits limits;
        /**
         * One instance of each value many factors repeat (activity type, region, validity, location, boundary,
         * status, uncertainty, per-gas values): OWID's 5,198 rows name 25 years and one activity type, DESNZ and
         * EPA repeat half of their per-gas values, and each row kept its own copies of them.
         */
        private final Map<Object, Object> shared = new HashMap<>();

        TableReader(NodeReader.Reading reading, LoadLimits limits) {
            super(reading);
            this.limits = limits;
        }

        FactorTable read(Node root) {
            Fields table = fields(root, "", TABLE_KEYS, "the document");
            if (table == null) {
                return null;
            }
            checkFormat(table, FORMAT);
            TableInfo info = tableInfo(table);
            Defaults defaults = new Defaults(table, code(table, "gwp", false, GwpSet::of), gasBasis(table, "gases-as"),
                    massUnit(table, "unit"), code(table, "region", false, Region::of), validity(table, "valid"));
            Node factorsNode = table.get("factors");
            if (factorsNode == null) {
                reading.problem(table.node, "", "missing key 'factors' (a list, which may be empty)");
                return null;
            }
            if (!(factorsNode instanceof SequenceNode sequence)) {
                reading.problem(factorsNode, "factors", "expected a list of factors, found " + kind(factorsNode));
                return null;
            }
            if (sequence.getValue().size() > limits.getMaxFactors()) {
                reading.problem(factorsNode, "factors", "the table has " + sequence.getValue().size()
                        + " factors; the limit is " + limits.getMaxFactors());
                return null;
            }
            List<EmissionFactor> factors = new ArrayList<>();
            List<Node> nodes = new ArrayList<>();
            for (int i = 0; i < sequence.getValue().size(); i++) {
                Node node = sequence.getValue().get(i);
                EmissionFactor factor = factor(node, "factors[" + i + "]", info == null ? PLACEHOLDER : info, defaults);
                factors.add(factor);
                nodes.add(node);
            }
            checkUniqueIds(factors, nodes);
            checkNoOverlaps(factors, nodes);
            if (!reading.problems.isEmpty() || info == null) {
                return null;
            }
            return FactorTable.builder(info).addAll(factors).build();
        }

        /** The instance of a value this table has seen already, or the value itself the first time; null stays null. */
        @SuppressWarnings("unchecked")
        private <T> T shared(T value) {
            if (value == null) {
                return null;
            }
            Object seen = shared.putIfAbsent(value, value);
            return seen == null ? value : (T) seen;
        }

        private EmissionFactor factor(Node node, String path, TableInfo info, Defaults defaults) {
            int before = reading.problems.size();
            Fields fields = fields(node, path, FACTOR_KEYS, "a factor");
            if (fields == null) {
                return null;
            }
            String id = text(fields, "id", true);
            String activity = text(fields, "activity", true);
            if (activity != null) {
                try {
                    Checks.requireActivityType(activity, "activity");
                } catch (IllegalArgumentException invalid) {
                    reading.problem(fields.get("activity"), fields.path("activity"), invalid.getMessage());
                }
            }
            Region region = orDefault(fields, "region", code(fields, "region", false, Region::of), defaults.region);
            ValidityPeriod validity = orDefault(fields, "valid", validity(fields, "valid"), defaults.validity);
            Unit per = code(fields, "per", true, Unit::of);
            Unit mass = orDefault(fields, "unit", massUnit(fields, "unit"), defaults.massUnit);
            Unit valueUnit = mass == null ? Unit.KILOGRAM : mass;
            GwpSet gwp = orDefault(fields, "gwp", code(fields, "gwp", false, GwpSet::of), defaults.gwp);
            GasBasis basis = orDefault(fields, "gases-as", gasBasis(fields, "gases-as"), defaults.basis);
            Quantity co2e = fields.get("co2e") == null ? null : mass(fields.get("co2e"), fields.path("co2e"), valueUnit);
            Map<Gas, Quantity> gases = gases(fields, valueUnit);
            if (fields.get("co2e") == null && fields.get("gases") == null) {
                reading.problem(node, path, "a factor needs 'co2e', 'gases' or both");
            }
            // a key that is present but invalid was reported already; complain only about keys that are absent
            if (!gases.isEmpty() && basis == null && !fields.has("gases-as") && !defaults.has("gases-as")) {
                reading.problem(fields.get("gases"), fields.path("gases"), "per-gas values need 'gases-as: co2e' or"
                        + " 'gases-as: mass', on the factor or the table");
            }
            if (!gases.isEmpty() && basis == GasBasis.CO2E && gwp == null && !fields.has("gwp") && !defaults.has("gwp")) {
                reading.problem(fields.get("gases"), fields.path("gases"), "per-gas CO2e values need 'gwp' (AR4, AR5"
                        + " or AR6), on the factor or the table");
            }
            if (!fields.has("region") && !defaults.has("region")) {
                reading.problem(node, path, "missing key 'region' (on the factor or the table)");
            }
            if (!fields.has("valid") && !defaults.has("valid")) {
                reading.problem(node, path, "missing key 'valid' (on the factor or the table)");
            }
            String row = null;
            String location = null;
            Fields source = fields.get("source") == null ? null
                    : fields(fields.get("source"), fields.path("source"), SOURCE_KEYS, "a source");
            if (source != null) {
                row = text(source, "row", false);
                location = text(source, "location", false);
            }
            Uncertainty uncertainty = uncertainty(fields);
            String boundary = text(fields, "boundary", false);
            String status = text(fields, "status", false);
            boolean undetermined = region == null || validity == null
                    || !gases.isEmpty() && (basis == null || basis == GasBasis.CO2E && gwp == null);
            if (reading.problems.size() > before || id == null || activity == null || per == null || undetermined) {
                return null; // its problems, or the table's, are reported already
            }
            try {
                EmissionFactor.Builder builder = EmissionFactor.builder(id, info).activityType(shared(activity))
                        .region(shared(region)).validity(shared(validity)).per(per).gwpSet(gwp).rowId(row)
                        .location(shared(location)).uncertainty(shared(uncertainty)).boundary(shared(boundary))
                        .status(shared(status));
                if (co2e != null) {
                    builder.co2e(co2e);
                }
                if (!gases.isEmpty()) {
                    builder.gasBasis(basis);
                    gases.forEach(builder::gas);
                }
                return builder.build();
            } catch (IllegalArgumentException | NullPointerException invalid) {
                reading.problem(node, path, lowerFirst(String.valueOf(invalid.getMessage())));
                return null;
            }
        }

        private Map<Gas, Quantity> gases(Fields factor, Unit valueUnit) {
            Map<Gas, Quantity> gases = new LinkedHashMap<>();
            Node node = factor.get("gases");
            if (node == null) {
                return gases;
            }
            String path = factor.path("gases");
            if (!(node instanceof MappingNode mapping)) {
                reading.problem(node, path, "expected a mapping of gas to value, such as {CO2: 0.26364}, found "
                        + kind(node));
                return gases;
            }
            if (mapping.getValue().isEmpty()) {
                reading.problem(node, path, "no gases given; leave 'gases' out instead");
            }
            Map<Gas, Node> seen = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = keyText(tuple, path);
                if (key == null) {
                    continue;
                }
                String gasPath = path + "." + key;
                Gas gas;
                try {
                    gas = Gas.of(key);
                } catch (UnknownCodeException unknown) {
                    reading.problem(tuple.getKeyNode(), gasPath, unknown.getMessage().replace("Unknown gas", "unknown gas"));
                    continue;
                }
                Node first = seen.putIfAbsent(gas, tuple.getKeyNode());
                if (first != null) {
                    reading.problem(tuple.getKeyNode(), gasPath, "duplicate key '" + key + "' (first at line "
                            + (first.getStartMark().getLine() + 1) + ")");
                    continue;
                }
                Quantity value = mass(tuple.getValueNode(), gasPath, valueUnit);
                if (value != null) {
                    gases.put(gas, shared(value));
                }
            }
            return gases;
        }

        private Uncertainty uncertainty(Fields factor) {
            Node node = factor.get("uncertainty");
            if (node == null) {
                return null;
            }
            Fields fields = fields(node, factor.path("uncertainty"), UNCERTAINTY_KEYS, "an uncertainty");
            if (fields == null) {
                return null;
            }
            BigDecimal minus = decimal(fields, "minus-percent");
            BigDecimal plus = decimal(fields, "plus-percent");
            if (minus == null || plus == null) {
                return null;
            }
            try {
                return Uncertainty.ofPercent(minus, plus);
            } catch (IllegalArgumentException invalid) {
                reading.problem(node, fields.path, lowerFirst(invalid.getMessage()));
                return null;
            }
        }

        private void checkUniqueIds(List<EmissionFactor> factors, List<Node> nodes) {
            Map<String, Integer> firstIndex = new HashMap<>();
            for (int i = 0; i < factors.size(); i++) {
                EmissionFactor factor = factors.get(i);
                if (factor == null) {
                    continue;
                }
                Integer first = firstIndex.putIfAbsent(factor.getId(), i);
                if (first != null) {
                    Node idNode = valueOf(nodes.get(i), "id");
                    reading.problem(idNode, "factors[" + i + "].id", "duplicate factor id '" + factor.getId()
                            + "' (first at factors[" + first + "], line " + line(nodes.get(first)) + ")");
                }
            }
        }

        /** Two factors for the same activity, region and unit must not both apply on any day. */
        private void checkNoOverlaps(List<EmissionFactor> factors, List<Node> nodes) {
            Map<String, List<Integer>> bySelector = new LinkedHashMap<>();
            for (int i = 0; i < factors.size(); i++) {
                EmissionFactor f = factors.get(i);
                if (f != null) {
                    bySelector.computeIfAbsent(f.getActivityType() + "|" + f.getRegion() + "|" + f.getPer(),
                            k -> new ArrayList<>()).add(i);
                }
            }
            Comparator<Integer> byStart = Comparator.comparing(
                    i -> factors.get(i).getValidity().getStartInclusive().orElse(LocalDate.MIN));
            for (List<Integer> group : bySelector.values()) {
                group.sort(byStart.thenComparingInt(i -> i));
                int latest = -1;
                for (int i : group) {
                    if (latest >= 0 && factors.get(latest).getValidity().overlaps(factors.get(i).getValidity())) {
                        EmissionFactor f = factors.get(i);
                        reading.problem(valueOf(nodes.get(i), "valid"), "factors[" + i + "].valid", "validity "
                                + f.getValidity() + " overlaps factors[" + latest + "] (line " + line(nodes.get(latest))
                                + ", " + factors.get(latest).getValidity() + ") for the same activity '"
                                + f.getActivityType() + "', region " + f.getRegion() + " and unit " + f.getPer());
                    }
                    if (latest < 0 || endOf(i, factors).compareTo(endOf(latest, factors)) > 0) {
                        latest = i;
                    }
                }
            }
        }

        private static LocalDate endOf(int i, List<EmissionFactor> factors) {
            return factors.get(i).getValidity().getEndInclusive().orElse(LocalDate.MAX);
        }

        //-------------------------------------------------------------------
        /** A mass value: a bare decimal in the factor's unit, or text such as '0.0059 g'. */
        private Quantity mass(Node node, String path, Unit valueUnit) {
            if (!(node instanceof ScalarNode scalar) || scalar.getTag() == Tag.NULL || Checks.isBlank(scalar.getValue())) {
                reading.problem(node, path, "expected a decimal number or a mass such as '0.0059 g', found "
                        + kind(node));
                return null;
            }
            String text = scalar.getValue().trim();
            try {
                if (NodeReader.DECIMAL.matcher(text).matches()) {
                    BigDecimal value = decimal(node, path, text);
                    return value == null ? null : Quantity.of(value, valueUnit);
                }
                Quantity quantity = Quantity.parse(text);
                if (quantity.getDimension() != Dimension.MASS) {
                    reading.problem(node, path, DecimalText.excerpt(text) + " is not a mass; factor values are masses"
                            + " such as '0.26473 kg'");
                    return null;
                }
                return quantity;
            } catch (QuantityParseException notQuantity) {
                reading.problem(node, path, "expected a decimal number or a mass such as '0.0059 g', found "
                        + DecimalText.excerpt(text));
            } catch (UnknownCodeException unknown) {
                reading.problem(node, path, lowerFirst(unknown.getMessage()));
            } catch (InvalidQuantityException absurd) {
                reading.problem(node, path, lowerFirst(absurd.getMessage()));
            }
            return null;
        }

        private Unit massUnit(Fields fields, String key) {
            Unit unit = code(fields, key, false, Unit::of);
            if (unit != null && unit.getDimension() != Dimension.MASS) {
                reading.problem(fields.get(key), fields.path(key), "'" + unit + "' is not a mass unit; use kg, g, t or lb");
                return null;
            }
            return unit;
        }

        private ValidityPeriod validity(Fields fields, String key) {
            String text = text(fields, key, false);
            if (text == null) {
                return null;
            }
            try {
                return ValidityPeriod.parse(text);
            } catch (DateTimeParseException | IllegalArgumentException invalid) {
                reading.problem(fields.get(key), fields.path(key), "invalid validity " + DecimalText.excerpt(text) + ": "
                        + lowerFirst(invalid.getMessage()) + "; write 'YYYY-MM-DD/YYYY-MM-DD', '..' for an open end");
                return null;
            }
        }

        private GasBasis gasBasis(Fields fields, String key) {
            String text = text(fields, key, false);
            if (text == null) {
                return null;
            }
            switch (text) {
                case "co2e":
                    return GasBasis.CO2E;
                case "mass":
                    return GasBasis.MASS;
                default:
                    String hint = Checks.suggest(text, List.of("co2e", "mass"));
                    reading.problem(fields.get(key), fields.path(key), "unknown gas basis " + DecimalText.excerpt(text) + "; "
                            + (hint == null ? "use 'co2e' or 'mass'" : "did you mean '" + hint + "'?"));
                    return null;
            }
        }

        /** The factor's own value if it has the key, else the table's default. */
        private static <T> T orDefault(Fields fields, String key, T own, T fallback) {
            return fields.get(key) != null ? own : fallback;
        }

    }

    /** Table-level defaults for factor keys, and which keys the table gave (valid or not). */
    private record Defaults(NodeReader.Fields table, GwpSet gwp, GasBasis basis, Unit massUnit, Region region,
            ValidityPeriod validity) {

        boolean has(String key) {
            return table.has(key);
        }
    }
}
