package dev.carbonkit.audit;

import static dev.carbonkit.audit.ReceiptTest.CATALOG;
import static dev.carbonkit.audit.ReceiptTest.ant;
import static dev.carbonkit.audit.ReceiptTest.payment;
import static dev.carbonkit.audit.ReceiptTest.trip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.credit.CreditEngine;
import dev.carbonkit.credit.RuleSet;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** A community report's every figure is the sum of the receipts it names, and can be recomputed from them. */
class CommunityReportTest {

    private static List<Receipt> receipts() {
        FootprintEngine engine = FootprintEngine.of(CalculationPolicy.defaults(), CATALOG);
        List<Receipt> receipts = new ArrayList<>();
        String[][] trips = {{"alice", "transport.car.average.petrol", "12.5 mi"}, {"bob", "home.electricity.grid", "3.2 kWh"},
            {"alice", "home.natural_gas", "17 kWh"}, {"carol", "transport.rail.underground", "7 pkm"},
            {"bob", "transport.bus.local.average", "4.25 pkm"}};
        for (int i = 0; i < trips.length; i++) {
            receipts.add(Receipt.of(engine.score(trip("t" + i, trips[i][0], trips[i][1], trips[i][2], "2024-03-0" + (i + 1))),
                    engine.getPolicy()));
        }
        RuleSet ant = ant();
        List<Activity> payments = List.of(payment("p1", "alice", "2024-03-01T10:00", "12"),
                payment("p2", "alice", "2024-03-01T11:00", "3"), payment("p3", "carol", "2024-03-01T12:00", "0.5"),
                payment("p4", "dan", "2024-03-02T12:00", "8"));
        receipts.addAll(Receipt.of(CreditEngine.evaluate(ant, payments), ant, payments));
        return receipts;
    }

    private static BigDecimal sum(List<Receipt> receipts, Predicate<Receipt> filter, String field) {
        return receipts.stream().filter(filter).map(r -> new BigDecimal(r.get(field).orElseThrow()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String sha256(List<Receipt> receipts, Predicate<Receipt> filter) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        receipts.stream().filter(filter).forEach(r -> digest.update((r.toJson() + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
    }

    @Test
    void everyFigure_isTheSumOfItsReceipts() throws Exception {
        List<Receipt> receipts = receipts();
        CommunityReport report = CommunityReport.of("Test court", "2024-03");
        receipts.forEach(report::add);
        Predicate<Receipt> footprints = r -> r.getKind() == Receipt.Kind.FOOTPRINT;
        Predicate<Receipt> home = footprints.and(r -> r.get("activity.type").orElseThrow().startsWith("home."));
        Predicate<Receipt> awards = r -> r.getKind() == Receipt.Kind.AWARD;
        assertThat(report.total("footprint_kg")).isEqualByComparingTo(sum(receipts, footprints, "result.co2e_kg"));
        assertThat(report.total("footprint_kg.home")).isEqualByComparingTo(sum(receipts, home, "result.co2e_kg"));
        assertThat(report.total("reductions_g")).isEqualByComparingTo("15").isEqualByComparingTo(sum(receipts, awards,
                "result.grams"));
        assertThat(report.total("points.ant")).isEqualByComparingTo("15");
        assertThat(report.total("nothing")).isEqualByComparingTo("0");
        assertThat(report.getMemberCount()).isEqualTo(4);
        assertThat(report.getReceiptCount()).isEqualTo(9);
        String json = report.toJson();
        assertThat(json).contains("\"footprint_kg.home\":{\"filter\":\"kind = footprint and activity.type starts with"
                + " 'home.'\",\"receipts\":\"2\",\"sha256\":\"" + sha256(receipts, home) + "\",\"total\":\""
                + report.total("footprint_kg.home").toPlainString() + "\",\"unit\":\"kg CO2e\"}");
        assertThat(json).contains("\"reductions_g\":{\"max\":\"10\",\"mean\":\"3.75\",\"median\":\"0\",\"min\":\"0\","
                + "\"p25\":\"0\",\"p75\":\"5\"}");
        // the same receipts give the same report, byte for byte
        CommunityReport again = CommunityReport.of("Test court", "2024-03");
        receipts().forEach(again::add);
        assertThat(again.toJson()).isEqualTo(json);
        assertThat(again.toMarkdown()).isEqualTo(report.toMarkdown());
        assertThat(report.toMarkdown()).contains("## Footprint by category\n\n```text\nhome      ")
                .contains("| `reductions_g` | 15 | g CO2e | 4 | kind = award | `" + sha256(receipts, awards) + "` |\n");
        assertThat(report.toHtml()).startsWith("<!DOCTYPE html>").contains("<svg").contains("<rect x=\"200\"")
                .doesNotContain("<script");
    }
}
