package dev.carbonkit.examples.community;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.carbonkit.CarbonMath;
import dev.carbonkit.audit.Receipt;
import dev.carbonkit.audit.ReceiptChain;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What a group of accounts (a residential community, a company) emitted, avoided and earned, as the sum of their
 * receipts: footprint by category, reductions and points by rule, and each member's totals with their
 * distribution. Every figure names the receipts it sums: how many, which ones (a filter over the receipts file),
 * and the SHA-256 of their lines in the order summed, so that an auditor can recompute it from the receipts file
 * alone (docs/community-report.md).
 * <p>
 * A report is built by {@link #add adding} receipts one at a time, in constant memory per member and figure, and
 * rendered as JSON (data, canonical), Markdown or HTML (documents, with charts). Everything is exact: totals are
 * plain decimals; the median and quartiles are the nearest-rank values, never interpolated.
 * <p>
 * This class is not thread-safe while receipts are added. It lives with the community example, not in carbon-core:
 * it is a program built on receipts, the way an operator or an auditor would write one, and it keeps the library's
 * jar free of document rendering.
 */
public final class CommunityReport {

    private final String title;
    private final String period;
    private final Map<String, Figure> figures = new TreeMap<>();
    private final Map<String, Member> members = new TreeMap<>();
    private final Map<String, SortedSet<String>> sources = new TreeMap<>();
    /** Each receipt's kind, id, rule set and rule: a report counts a receipt once. */
    private final Set<String> keys = new HashSet<>();
    /** The chain of the receipts file the report sums, or null for receipts made in memory. */
    private ReceiptChain chain;
    private long receipts;

    private CommunityReport(String title, String period) {
        this.title = Objects.requireNonNull(title, "title");
        this.period = Objects.requireNonNull(period, "period");
    }

    /** What a report made without a receipts file says of its receipts, instead of telling how to select them. */
    static final String UNKEPT = "Every figure below is the exact sum of receipts made in this run from the activities;"
            + " no receipts file was kept, so the SHA-256 beside a figure is of receipts no one else holds. To let"
            + " others check the figures, write the receipts with `carbon score --receipts FILE` and `carbon credits"
            + " --receipts FILE`, and make the report from those files.";

    /**
     * Creates an empty report.
     *
     * @param title  what the group is, such as "Sunshine Garden residents", not null
     * @param period  the period the receipts cover, as text, such as "2024-01-01 to 2024-03-31", not null
     * @return the report, never null
     */
    public static CommunityReport of(String title, String period) {
        return new CommunityReport(title, period);
    }

    /** One figure: a sum of receipt values, with the count and digest of the receipts summed. */
    private static final class Figure {
        final String filter;
        final String unit;
        BigDecimal total = BigDecimal.ZERO;
        long count;
        final MessageDigest digest = sha256();

        Figure(String filter, String unit) {
            this.filter = filter;
            this.unit = unit;
        }

        void add(BigDecimal value, byte[] line) {
            total = total.add(value);
            count++;
            digest.update(line);
        }
    }

    /** One member's totals. */
    private static final class Member {
        BigDecimal footprintKg = BigDecimal.ZERO;
        BigDecimal grams = BigDecimal.ZERO;
        BigDecimal points = BigDecimal.ZERO;
        long count;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("carbon bug: the JDK has no SHA-256", impossible);
        }
    }

    /**
     * Adds a receipt: a footprint adds to the footprint figures, an award to the reduction and points figures,
     * and both to the member's totals.
     *
     * @param receipt  the receipt, not null
     * @return this report
     * @throws IllegalArgumentException if the receipt is there already, or is a ledger receipt
     */
    public CommunityReport add(Receipt receipt) {
        if (receipt.getKind() == Receipt.Kind.LEDGER) {
            throw new IllegalArgumentException("receipt " + receipt.getId() + " records an update of an account's ledger;"
                    + " a report sums footprint and award receipts");
        }
        String ruleSetId = receipt.get("ruleset.id").orElse("");
        if (!keys.add(receipt.getKind() + "\u0000" + receipt.getId() + "\u0000" + ruleSetId + "\u0000"
                + receipt.get("rule").orElse(""))) {
            throw new IllegalArgumentException("receipt " + receipt.getId() + " (" + receipt.getKind()
                    + (ruleSetId.isEmpty() ? "" : ", rule set " + ruleSetId)
                    + receipt.get("rule").map(rule -> ", rule " + rule).orElse("") + ") is there twice, and a report"
                    + " counts each receipt once");
        }
        byte[] line = (receipt.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
        Member member = members.computeIfAbsent(receipt.getAccount(), k -> new Member());
        member.count++;
        receipts++;
        String source = receipt.getKind() == Receipt.Kind.FOOTPRINT ? "table " + receipt.get("table.id").orElse("")
                : "ruleset " + receipt.get("ruleset.id").orElse("");
        sources.computeIfAbsent(source, k -> new TreeSet<>())
                .add(receipt.get(receipt.getKind() == Receipt.Kind.FOOTPRINT ? "table.digest" : "ruleset.digest").orElse(""));
        // the money tables a footprint's money was converted with are sources of its figure too
        receipt.getMoneyTables().forEach((id, digest) -> sources.computeIfAbsent("money table " + id,
                k -> new TreeSet<>()).add(digest));
        if (receipt.getKind() == Receipt.Kind.FOOTPRINT) {
            BigDecimal kg = new BigDecimal(receipt.get("result.co2e_kg").orElseThrow());
            String category = category(receipt.get("activity.type").orElse(""));
            figure("footprint_kg", "kind = footprint", "kg CO2e").add(kg, line);
            figure("footprint_kg." + category, "kind = footprint and activity.type starts with '" + category + ".'",
                    "kg CO2e").add(kg, line);
            member.footprintKg = member.footprintKg.add(kg);
        } else {
            BigDecimal grams = new BigDecimal(receipt.get("result.grams").orElseThrow());
            BigDecimal points = new BigDecimal(receipt.get("result.points").orElseThrow());
            String ruleSet = receipt.get("ruleset.id").orElse("");
            String rule = receipt.get("rule").orElse("(none)");
            figure("reductions_g", "kind = award", "g CO2e").add(grams, line);
            figure("reductions_g." + ruleSet + "." + rule, "kind = award and ruleset.id = '" + ruleSet
                    + "' and rule = '" + rule + "'", "g CO2e").add(grams, line);
            figure("points", "kind = award", "points").add(points, line);
            figure("points." + ruleSet, "kind = award and ruleset.id = '" + ruleSet + "'", "points").add(points, line);
            member.grams = member.grams.add(grams);
            member.points = member.points.add(points);
        }
        return this;
    }

    /**
     * Records the chain of the receipts file the report sums, whose head digest the report then publishes: an auditor
     * who verifies a file with that head knows it is the file summed, every receipt in place and unchanged.
     *
     * @param chain  the chain, as the reader of the file found it or the writer finished it, not null
     * @return this report
     * @throws IllegalArgumentException if the chain is broken or empty, or holds another number of receipts than the
     *  report has summed
     */
    public CommunityReport summing(ReceiptChain chain) {
        if (!chain.isTrusted() || chain.getStatus() == ReceiptChain.Status.EMPTY) {
            throw new IllegalArgumentException("A report sums a whole, intact file; its " + chain
                    + (chain.getFindings().isEmpty() ? "" : ": " + chain.getFindings().get(0)));
        }
        if (chain.getReceipts() != receipts) {
            throw new IllegalArgumentException("The chain holds " + chain.getReceipts() + " receipts; the report has summed "
                    + receipts);
        }
        this.chain = chain;
        return this;
    }

    /**
     * Gets the chain of the receipts file the report sums.
     *
     * @return the chain, empty for a report of receipts made in memory, never null
     */
    public java.util.Optional<ReceiptChain> getChain() {
        return java.util.Optional.ofNullable(chain);
    }

    /** The category of an activity type: its first key, such as "home" or "food". */
    private static String category(String type) {
        int dot = type.indexOf('.');
        return dot < 0 ? type : type.substring(0, dot);
    }

    private Figure figure(String key, String filter, String unit) {
        return figures.computeIfAbsent(key, k -> new Figure(filter, unit));
    }

    //-----------------------------------------------------------------------
    /**
     * Gets a figure's exact total, such as "reductions_g", "footprint_kg.home" or "points.cn-alipay-ant-forest".
     *
     * @param key  the figure's key, not null
     * @return the total, zero if no receipt added to it, never null
     */
    public BigDecimal total(String key) {
        Figure figure = figures.get(key);
        return figure == null ? BigDecimal.ZERO : CarbonMath.normalize(figure.total);
    }

    /**
     * Gets the tables and rule sets the receipts name, with their digests, such as "table desnz-2024" to
     * [sha256:...]; more than one digest for an id means the receipts were made with different editions.
     *
     * @return the digests by "table ID" or "ruleset ID", sorted, never null
     */
    public Map<String, SortedSet<String>> getSources() {
        Map<String, SortedSet<String>> copy = new TreeMap<>();
        sources.forEach((source, digests) -> copy.put(source, Collections.unmodifiableSortedSet(
                new TreeSet<>(digests))));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Gets the number of members: accounts with at least one receipt.
     *
     * @return the count
     */
    public int getMemberCount() {
        return members.size();
    }

    /**
     * Gets the number of receipts added.
     *
     * @return the count
     */
    public long getReceiptCount() {
        return receipts;
    }

    private static String plain(BigDecimal value) {
        return CarbonMath.normalize(value).toPlainString();
    }

    /** The nearest-rank value at a percentile (1 to 100) of sorted values: the ceil(p/100 x n)-th. */
    private static BigDecimal rank(List<BigDecimal> sorted, int percentile) {
        int n = sorted.size();
        int index = (percentile * n + 99) / 100;
        return sorted.get(Math.max(index, 1) - 1);
    }

    private Map<String, Object> distribution(Function<Member, BigDecimal> value) {
        List<BigDecimal> sorted = new ArrayList<>();
        members.values().forEach(member -> sorted.add(CarbonMath.normalize(value.apply(member))));
        sorted.sort(BigDecimal::compareTo);
        Map<String, Object> tree = new LinkedHashMap<>();
        if (sorted.isEmpty()) {
            return tree;
        }
        tree.put("min", plain(sorted.get(0)));
        tree.put("p25", plain(rank(sorted, 25)));
        tree.put("median", plain(rank(sorted, 50)));
        tree.put("p75", plain(rank(sorted, 75)));
        tree.put("max", plain(sorted.get(sorted.size() - 1)));
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal each : sorted) {
            sum = sum.add(each);
        }
        tree.put("mean", plain(CarbonMath.divide(sum, BigDecimal.valueOf(sorted.size()))));
        return tree;
    }

    private Map<String, Object> tree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("format", "carbonkit-community-report/1");
        tree.put("title", title);
        tree.put("period", period);
        tree.put("members", Integer.toString(members.size()));
        tree.put("receipts", Long.toString(receipts));
        Map<String, Object> chainTree = null;
        if (chain != null) {
            chainTree = new LinkedHashMap<>();
            chainTree.put("status", chain.getStatus().name());
            chainTree.put("receipts", Long.toString(chain.getReceipts()));
            chainTree.put("head", chain.getHead());
        }
        tree.put("chain", chainTree);
        Map<String, Object> sourceTree = new LinkedHashMap<>();
        sources.forEach((source, digests) -> sourceTree.put(source, new ArrayList<Object>(digests)));
        tree.put("sources", sourceTree);
        Map<String, Object> figureTree = new LinkedHashMap<>();
        figures.forEach((key, figure) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("total", plain(figure.total));
            one.put("unit", figure.unit);
            one.put("receipts", Long.toString(figure.count));
            one.put("filter", figure.filter);
            try {
                one.put("sha256", HexFormat.of().formatHex(((MessageDigest) figure.digest.clone()).digest()));
            } catch (CloneNotSupportedException impossible) {
                throw new IllegalStateException("carbon bug: SHA-256 cannot be cloned", impossible);
            }
            figureTree.put(key, one);
        });
        tree.put("figures", figureTree);
        Map<String, Object> memberTree = new LinkedHashMap<>();
        members.forEach((account, member) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("footprint_kg", plain(member.footprintKg));
            one.put("reductions_g", plain(member.grams));
            one.put("points", plain(member.points));
            one.put("receipts", Long.toString(member.count));
            memberTree.put(account, one);
        });
        tree.put("member_totals", memberTree);
        Map<String, Object> distributions = new LinkedHashMap<>();
        distributions.put("footprint_kg", distribution(member -> member.footprintKg));
        distributions.put("reductions_g", distribution(member -> member.grams));
        distributions.put("points", distribution(member -> member.points));
        tree.put("per_member", distributions);
        return tree;
    }

    /**
     * Renders the report as data: JSON on one line with no white space, every object's keys sorted and every number
     * a plain decimal string, so that the same receipts give the same bytes.
     *
     * @return the JSON text, one line, never null
     */
    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            write(tree(), json);
        } catch (IOException impossible) {
            throw new UncheckedIOException("carbon bug: a StringWriter failed", impossible);
        }
        return out.toString();
    }

    private static final JsonFactory JSON = new JsonFactory();

    /** Writes a tree of maps, lists and strings with every object's keys sorted (by UTF-16 code units). */
    private static void write(Object value, JsonGenerator json) throws IOException {
        if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : new TreeMap<>(map).entrySet()) {
                json.writeFieldName((String) entry.getKey());
                write(entry.getValue(), json);
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                write(item, json);
            }
            json.writeEndArray();
        } else {
            json.writeString((String) value);
        }
    }

    //-----------------------------------------------------------------------
    /**
     * Renders the report as a Markdown document with tables and a bar chart.
     *
     * @return the document, never null
     */
    public String toMarkdown() {
        Map<String, Object> tree = tree();
        Map<String, BigDecimal> footprint = totalsUnder("footprint_kg.");
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append("\n\n");
        md.append("Period: ").append(period).append(". Members: ").append(members.size()).append(". Receipts: ")
                .append(receipts).append(".\n\n");
        if (chain != null) {
            md.append("Receipts file: ").append(chain).append(". Verify it with `carbon verify FILE --head ")
                    .append(chain.getHead()).append("`.\n\n");
        }
        if (chain != null) {
            md.append("Every figure below is the exact sum of the receipts named beside it. To check one, select those"
                    + " receipts from the receipts file with the filter, check their count and the SHA-256 of their"
                    + " lines in file order, verify them with `ReceiptVerifier`, and add them up.\n\n");
        } else {
            md.append(UNKEPT).append("\n\n");
        }
        md.append("## Tables and rule sets\n\n| Source | Digest |\n|---|---|\n");
        sources.forEach((source, digests) -> md.append("| ").append(source).append(" | `").append(String.join("`, `",
                digests)).append("` |\n"));
        md.append("\n## Figures\n\n| Figure | Total | Unit | Receipts | Filter | SHA-256 of the receipts |\n"
                + "|---|---:|---|---:|---|---|\n");
        ((Map<?, ?>) tree.get("figures")).forEach((key, value) -> {
            Map<?, ?> one = (Map<?, ?>) value;
            md.append("| `").append(key).append("` | ").append(one.get("total")).append(" | ").append(one.get("unit"))
                    .append(" | ").append(one.get("receipts")).append(" | ").append(one.get("filter").toString()
                            .replace("|", "\\|")).append(" | `").append(one.get("sha256")).append("` |\n");
        });
        md.append("\n## Footprint by category\n\n");
        if (footprint.isEmpty()) {
            md.append("No footprint receipts.\n");
        } else {
            md.append("```text\n");
            bars(footprint).forEach(line -> md.append(line).append('\n'));
            md.append("```\n");
        }
        md.append("\n## Per member\n\n| Measure | Min | 25th | Median | 75th | Max | Mean |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n");
        ((Map<?, ?>) tree.get("per_member")).forEach((measure, value) -> {
            Map<?, ?> one = (Map<?, ?>) value;
            md.append("| ").append(measure).append(" | ").append(one.get("min")).append(" | ").append(one.get("p25"))
                    .append(" | ").append(one.get("median")).append(" | ").append(one.get("p75")).append(" | ")
                    .append(one.get("max")).append(" | ").append(one.get("mean")).append(" |\n");
        });
        md.append("\nPercentiles are nearest-rank values; the mean is exact to 34 significant digits.\n");
        return md.toString();
    }

    /** The totals of the figures under a prefix, such as "footprint_kg.", by the rest of their key. */
    private Map<String, BigDecimal> totalsUnder(String prefix) {
        Map<String, BigDecimal> categories = new TreeMap<>();
        figures.forEach((key, figure) -> {
            if (key.startsWith(prefix)) {
                categories.put(key.substring(prefix.length()), CarbonMath.normalize(figure.total));
            }
        });
        return categories;
    }

    /** Text bars, 40 characters for the largest value; the bar lengths are rounded down, the values exact. */
    private static List<String> bars(Map<String, BigDecimal> values) {
        BigDecimal max = values.values().stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        int width = values.keySet().stream().mapToInt(String::length).max().orElse(0);
        List<String> lines = new ArrayList<>();
        values.forEach((label, value) -> {
            int length = max.signum() == 0 ? 0 : value.multiply(BigDecimal.valueOf(40))
                    .divide(max, 0, RoundingMode.DOWN).intValueExact();
            lines.add(String.format(Locale.ROOT, "%-" + width + "s %s %s kg", label, "#".repeat(length), plain(value)));
        });
        return lines;
    }

    /**
     * Renders the report as a standalone HTML page with tables and SVG bar charts (no scripts, no external files).
     *
     * @return the page, never null
     */
    public String toHtml() {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(escape(title))
                .append("</title>\n<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em}"
                        + "td.n{text-align:right;font-family:monospace}code{font-size:.8em}</style>\n</head>\n<body>\n");
        html.append("<h1>").append(escape(title)).append("</h1>\n<p>Period: ").append(escape(period))
                .append(". Members: ").append(members.size()).append(". Receipts: ").append(receipts).append(".</p>\n");
        if (chain != null) {
            html.append("<p>Receipts file: ").append(escape(chain.toString())).append(".</p>\n");
        }
        html.append(chain != null ? "<p>Every figure is the exact sum of the receipts named beside it; an auditor"
                + " selects them from the receipts file with the filter, checks their count and SHA-256, verifies them"
                + " and adds them up.</p>\n" : "<p>" + escape(UNKEPT) + "</p>\n");
        html.append("<h2>Footprint by category (kg CO2e)</h2>\n").append(svg(totalsUnder("footprint_kg.")));
        html.append("<h2>Reductions by rule (g CO2e)</h2>\n").append(svg(totalsUnder("reductions_g.")));
        html.append("<h2>Figures</h2>\n<table>\n<tr><th>Figure</th><th>Total</th><th>Unit</th><th>Receipts</th>"
                + "<th>Filter</th><th>SHA-256 of the receipts</th></tr>\n");
        Map<String, Object> tree = tree();
        ((Map<?, ?>) tree.get("figures")).forEach((key, value) -> {
            Map<?, ?> one = (Map<?, ?>) value;
            html.append("<tr><td><code>").append(escape(String.valueOf(key))).append("</code></td><td class=\"n\">")
                    .append(one.get("total")).append("</td><td>").append(escape(String.valueOf(one.get("unit")))).append("</td><td class=\"n\">")
                    .append(one.get("receipts")).append("</td><td>").append(escape(String.valueOf(one.get("filter"))))
                    .append("</td><td><code>").append(one.get("sha256")).append("</code></td></tr>\n");
        });
        html.append("</table>\n<h2>Per member</h2>\n<table>\n<tr><th>Measure</th><th>Min</th><th>25th</th><th>Median</th>"
                + "<th>75th</th><th>Max</th><th>Mean</th></tr>\n");
        ((Map<?, ?>) tree.get("per_member")).forEach((measure, value) -> {
            Map<?, ?> one = (Map<?, ?>) value;
            html.append("<tr><td>").append(measure).append("</td>");
            for (String key : List.of("min", "p25", "median", "p75", "max", "mean")) {
                html.append("<td class=\"n\">").append(one.get(key)).append("</td>");
            }
            html.append("</tr>\n");
        });
        html.append("</table>\n<p>Percentiles are nearest-rank values; the mean is exact to 34 significant digits.</p>\n"
                + "</body>\n</html>\n");
        return html.toString();
    }

    /** A horizontal bar chart; bar widths are whole pixels (rounded down), the labels exact. */
    private static String svg(Map<String, BigDecimal> values) {
        if (values.isEmpty()) {
            return "<p>No receipts of this kind.</p>\n";
        }
        BigDecimal max = values.values().stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        int height = 24 * values.size() + 8;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"720\" height=\"")
                .append(height).append("\" role=\"img\">\n");
        int y = 4;
        for (Map.Entry<String, BigDecimal> entry : values.entrySet()) {
            int width = max.signum() == 0 ? 0 : entry.getValue().multiply(BigDecimal.valueOf(400))
                    .divide(max, 0, RoundingMode.DOWN).intValueExact();
            svg.append("<text x=\"0\" y=\"").append(y + 15).append("\" font-size=\"12\">").append(escape(entry.getKey()))
                    .append("</text><rect x=\"200\" y=\"").append(y).append("\" width=\"").append(width)
                    .append("\" height=\"18\" fill=\"#4a7\"/><text x=\"").append(205 + width).append("\" y=\"")
                    .append(y + 15).append("\" font-size=\"12\">").append(plain(entry.getValue())).append("</text>\n");
            y += 24;
        }
        return svg.append("</svg>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
