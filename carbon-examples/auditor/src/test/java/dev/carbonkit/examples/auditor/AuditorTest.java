package dev.carbonkit.examples.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carbonkit.audit.Receipt;
import dev.carbonkit.audit.ReceiptReader;
import dev.carbonkit.audit.ReceiptVerifier;
import dev.carbonkit.audit.Verification;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.examples.community.Community;
import dev.carbonkit.factor.FactorCatalog;
import dev.carbonkit.factors.BundledFactors;
import dev.carbonkit.factors.BundledRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an auditor does with a published community report: pin the tables and rule sets it names by digest,
 * replay every receipt, and recompute every figure from the receipts file, with nothing but the two files and
 * the published data.
 */
class AuditorTest {

    @TempDir
    static Path published;

    private static JsonNode report;

    @BeforeAll
    static void publish() throws Exception {
        Community.write(published);
        report = new ObjectMapper().readTree(published.resolve("report.json").toFile());
    }

    /** The tables the report names, pinned: a table with another digest is refused before anything is replayed. */
    private static FactorCatalog pinnedCatalog() {
        FactorCatalog.Builder catalog = FactorCatalog.builder();
        BundledFactors.catalog().getTables().forEach(catalog::add);
        report.get("sources").properties().forEach(source -> {
            if (source.getKey().startsWith("table ")) {
                assertThat(source.getValue()).hasSize(1);
                catalog.requireDigest(source.getKey().substring(6), source.getValue().get(0).asText());
            }
        });
        return catalog.build();
    }

    private static List<RuleSet> pinnedRuleSets() {
        List<RuleSet> ruleSets = new ArrayList<>();
        report.get("sources").properties().forEach(source -> {
            if (source.getKey().startsWith("ruleset ")) {
                RuleSet ruleSet = BundledRules.ruleSet(source.getKey().substring(8));
                assertThat(ruleSet.getDigest()).as(source.getKey()).isEqualTo(source.getValue().get(0).asText());
                ruleSets.add(ruleSet);
            }
        });
        return ruleSets;
    }

    private static Iterable<Receipt> receipts() {
        return () -> {
            try {
                InputStream in = Files.newInputStream(published.resolve("receipts.jsonl"));
                Iterator<Receipt> iterator = new ReceiptReader(in, "receipts.jsonl").iterator();
                return iterator;
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        };
    }

    @Test
    void everyReceiptReplays_againstTheTablesAndRuleSetsPinnedByDigest() {
        List<Verification> problems = new ArrayList<>();
        Map<Verification.Status, Long> counts = ReceiptVerifier.of(pinnedCatalog(), pinnedRuleSets())
                .verifyAll(receipts(), verification -> {
                    if (!verification.isReproduced()) {
                        problems.add(verification);
                    }
                });
        assertThat(problems).isEmpty();
        assertThat(counts.get(Verification.Status.REPRODUCED)).isEqualTo(report.get("receipts").asLong());
    }

    @Test
    void everyFigure_isTheSumOfTheReceiptsItNames() throws Exception {
        Map<String, Predicate<Receipt>> filters = new TreeMap<>();
        Map<String, String> fields = new TreeMap<>();
        report.get("figures").properties().forEach(figure -> {
            String key = figure.getKey();
            String[] parts = key.split("\\.", 2);
            Predicate<Receipt> filter = switch (parts[0]) {
                case "footprint_kg" -> r -> r.getKind() == Receipt.Kind.FOOTPRINT && (parts.length == 1
                        || r.get("activity.type").orElseThrow().startsWith(parts[1] + "."));
                case "reductions_g" -> r -> r.getKind() == Receipt.Kind.AWARD && (parts.length == 1
                        || (r.get("ruleset.id").orElseThrow() + "." + r.get("rule").orElse("(none)")).equals(parts[1]));
                case "points" -> r -> r.getKind() == Receipt.Kind.AWARD && (parts.length == 1
                        || r.get("ruleset.id").orElseThrow().equals(parts[1]));
                default -> throw new AssertionError("a figure this auditor cannot recompute: " + key);
            };
            filters.put(key, filter);
            fields.put(key, switch (parts[0]) {
                case "footprint_kg" -> "result.co2e_kg";
                case "reductions_g" -> "result.grams";
                default -> "result.points";
            });
        });
        Map<String, BigDecimal> totals = new TreeMap<>();
        Map<String, Long> counts = new TreeMap<>();
        Map<String, MessageDigest> digests = new TreeMap<>();
        for (String key : filters.keySet()) {
            totals.put(key, BigDecimal.ZERO);
            counts.put(key, 0L);
            digests.put(key, MessageDigest.getInstance("SHA-256"));
        }
        for (Receipt receipt : receipts()) {
            byte[] line = (receipt.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
            filters.forEach((key, filter) -> {
                if (filter.test(receipt)) {
                    totals.merge(key, new BigDecimal(receipt.get(fields.get(key)).orElseThrow()), BigDecimal::add);
                    counts.merge(key, 1L, Long::sum);
                    digests.get(key).update(line);
                }
            });
        }
        assertThat(filters).isNotEmpty();
        for (String key : filters.keySet()) {
            JsonNode figure = report.get("figures").get(key);
            assertThat(totals.get(key)).as(key).isEqualByComparingTo(figure.get("total").asText());
            assertThat(counts.get(key)).as(key).isEqualTo(figure.get("receipts").asLong());
            assertThat(HexFormat.of().formatHex(digests.get(key).digest())).as(key).isEqualTo(figure.get("sha256").asText());
        }
    }
}
