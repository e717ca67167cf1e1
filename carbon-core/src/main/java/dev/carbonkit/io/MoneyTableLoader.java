package dev.carbonkit.io;

import dev.carbonkit.factor.MoneyTable;
import dev.carbonkit.factor.TableInfo;
import dev.carbonkit.internal.Checks;
import dev.carbonkit.quantity.Unit;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a money table (price indices by currency and year, exchange rates by year) from YAML in the format of
 * docs/spend-based.md:
 * <pre>
 * format: carbonkit-money-table/1
 * table: my-prices
 * title: Consumer price index, annual averages
 * publisher: the series' publisher
 * edition: the release the figures were copied from
 * licence: the series' licence
 * indices:
 *   USD: {2022: 100, 2024: 108}      (figures invented to show the shape)
 * rates:
 *   - {from: GBP, to: USD, year: 2024, rate: 1.25}
 * </pre>
 * as strictly and safely as {@link FactorTableLoader} reads tables: every problem is reported with its line, column and
 * key path in one {@link MoneyTableException}; numbers by the one number reader, above zero.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class MoneyTableLoader {

    /** The format name the file must declare. */
    public static final String FORMAT = "carbonkit-money-table/1";

    private static final Set<String> FILE_KEYS = Set.of("format", "table", "title", "publisher", "edition", "licence",
            "url", "attribution", "indices", "rates");
    private static final Set<String> RATE_KEYS = Set.of("from", "to", "year", "rate");

    private final LoadLimits limits;

    private MoneyTableLoader(LoadLimits limits) {
        this.limits = limits;
    }

    /**
     * Gets a loader with the default limits.
     *
     * @return the loader, never null
     */
    public static MoneyTableLoader standard() {
        return new MoneyTableLoader(LoadLimits.defaults());
    }

    /**
     * Gets a loader with the given limits.
     *
     * @param limits  the limits, not null
     * @return the loader, never null
     */
    public static MoneyTableLoader withLimits(LoadLimits limits) {
        return new MoneyTableLoader(Objects.requireNonNull(limits, "limits"));
    }

    /**
     * Loads a money table from a file.
     *
     * @param file  the YAML file, not null
     * @return the table, never null
     * @throws MoneyTableException listing every problem in the file
     * @throws IOException if the file cannot be read
     */
    public MoneyTable load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(Objects.requireNonNull(file, "file"))) {
            return load(in, file.toString());
        }
    }

    /**
     * Loads a money table from a stream of UTF-8 YAML, which is not closed.
     *
     * @param yaml  the stream, not null
     * @param source  the name to give the source in problems, not null
     * @return the table, never null
     * @throws MoneyTableException listing every problem in the stream
     * @throws IOException if the stream cannot be read
     */
    public MoneyTable load(InputStream yaml, String source) throws IOException {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(source, "source");
        return NodeReader.io(() -> read(YamlText.of(yaml, limits), source));
    }

    /**
     * Loads a money table from YAML text.
     *
     * @param yaml  the YAML text, not null
     * @param source  the name to give the source in problems, not null
     * @return the table, never null
     * @throws MoneyTableException listing every problem in the text
     */
    public MoneyTable parse(String yaml, String source) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(source, "source");
        return read(YamlText.of(yaml, limits), source);
    }

    private MoneyTable read(java.io.Reader text, String source) {
        return NodeReader.read(text, source, limits, MoneyTableException::new,
                "a mapping with format, table, title, publisher, edition, licence, and indices or rates",
                (reading, root) -> new TableReader(reading).read(root));
    }

    private static final class TableReader extends NodeReader {

        TableReader(Reading reading) {
            super(reading);
        }

        MoneyTable read(Node root) {
            Fields file = fields(root, "", FILE_KEYS, "the document");
            if (file == null) {
                return null;
            }
            checkFormat(file, FORMAT);
            TableInfo info = tableInfo(file);
            if (!file.has("indices") && !file.has("rates")) {
                reading.problem(file.node, "", "missing key 'indices' or 'rates': a money table has price indices,"
                        + " exchange rates or both");
            }
            if (info == null) {
                return null;
            }
            MoneyTable.Builder table = MoneyTable.builder(info);
            indices(file, table);
            rates(file, table);
            return table.build();
        }

        private void indices(Fields file, MoneyTable.Builder table) {
            Node node = file.get("indices");
            if (node == null) {
                return;
            }
            if (!(node instanceof MappingNode currencies)) {
                reading.problem(node, "indices", "expected a mapping of currencies to their index by year, found "
                        + kind(node));
                return;
            }
            for (NodeTuple currency : currencies.getValue()) {
                String code = keyText(currency, "indices");
                if (code == null) {
                    continue;
                }
                String path = "indices." + code;
                if (!currency(currency.getKeyNode(), path, code)) {
                    continue;
                }
                if (!(currency.getValueNode() instanceof MappingNode years)) {
                    reading.problem(currency.getValueNode(), path, "expected a mapping of years to index values, found "
                            + kind(currency.getValueNode()));
                    continue;
                }
                for (NodeTuple entry : years.getValue()) {
                    String yearText = keyText(entry, path);
                    Integer year = yearText == null ? null : year(entry.getKeyNode(), path + "." + yearText, yearText);
                    BigDecimal value = number(entry.getValueNode(), path + "." + yearText);
                    if (year != null && value != null) {
                        add(entry.getKeyNode(), path + "." + yearText, () -> table.index(code, year, value));
                    }
                }
            }
        }

        private void rates(Fields file, MoneyTable.Builder table) {
            Node node = file.get("rates");
            if (node == null) {
                return;
            }
            if (!(node instanceof SequenceNode list)) {
                reading.problem(node, "rates", "expected a list of rates, found " + kind(node));
                return;
            }
            for (int i = 0; i < list.getValue().size(); i++) {
                String path = "rates[" + i + "]";
                Fields rate = fields(list.getValue().get(i), path, RATE_KEYS, "a rate");
                if (rate == null) {
                    continue;
                }
                String from = text(rate, "from", true);
                String to = text(rate, "to", true);
                String yearText = text(rate, "year", true);
                BigDecimal value = rate.has("rate") ? number(rate.get("rate"), rate.path("rate")) : null;
                if (!rate.has("rate")) {
                    reading.problem(rate.node, path, "missing key 'rate'");
                }
                boolean fromKnown = from != null && currency(rate.get("from"), rate.path("from"), from);
                boolean toKnown = to != null && currency(rate.get("to"), rate.path("to"), to);
                boolean currencies = fromKnown && toKnown;
                Integer year = yearText == null ? null : year(rate.get("year"), rate.path("year"), yearText);
                if (currencies && year != null && value != null) {
                    add(rate.node, path, () -> table.rate(from, to, year, value));
                }
            }
        }

        private boolean currency(Node at, String path, String code) {
            try {
                Unit.ofMoney(code, 2000);
                return true;
            } catch (IllegalArgumentException unknown) {
                reading.problem(at, path, "'" + Checks.cut(code, 80) + "' is not an ISO 4217 currency code");
                return false;
            }
        }

        private Integer year(Node at, String path, String text) {
            if (text.length() == 4 && Character.isDigit(text.charAt(0)) && Character.isDigit(text.charAt(1))
                    && Character.isDigit(text.charAt(2)) && Character.isDigit(text.charAt(3))) {
                int year = Integer.parseInt(text);
                try {
                    Unit.ofMoney("USD", year);
                    return year;
                } catch (RuntimeException outOfRange) {
                    // refused below
                }
            }
            reading.problem(at, path, "'" + Checks.cut(text, 80) + "' is not a year from 1900 to 2200");
            return null;
        }

        private BigDecimal number(Node node, String path) {
            if (!(node instanceof ScalarNode scalar) || Checks.isBlank(scalar.getValue())) {
                reading.problem(node, path, "expected a number above zero, found " + kind(node));
                return null;
            }
            BigDecimal value = decimal(node, path, scalar.getValue());
            if (value != null && value.signum() <= 0) {
                reading.problem(node, path, "expected a number above zero, found " + scalar.getValue());
                return null;
            }
            return value;
        }

        private void add(Node at, String path, Runnable adding) {
            try {
                adding.run();
            } catch (IllegalArgumentException twice) {
                reading.problem(at, path, lowerFirst(twice.getMessage()));
            }
        }
    }
}
