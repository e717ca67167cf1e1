package dev.carbonkit.examples.community;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carbonkit.audit.Receipt;
import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.calc.FootprintTotals.Period;
import dev.carbonkit.credit.Cap;
import dev.carbonkit.credit.Condition;
import dev.carbonkit.credit.CreditEngine;
import dev.carbonkit.credit.CreditRule;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.factor.FactorCatalog;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factors.BundledFactors;
import dev.carbonkit.quantity.Quantity;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** A community report's every figure is the sum of the receipts it names, and can be recomputed from them. */
class CommunityReportTest {

    private static final FactorCatalog CATALOG = FactorCatalog.of(BundledFactors.table("desnz-2024"));
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Activity trip(String id, String account, String type, String quantity, String day) {
        return Activity.builder(id).account(account).type(type).quantity(Quantity.parse(quantity))
                .time(Instant.parse(day + "T08:30:00Z"), LONDON).region(Region.of("GB-LND")).build();
    }

    /** Five points for an offline payment of at least 1 CNY, at most three a day. */
    private static RuleSet ant() {
        CreditRule offline = CreditRule.builder("ant-offline-payment", CreditRule.Kind.FIXED_PER_EVENT, "payment.offline")
                .eligibility(Condition.atLeast("amount_cny", "1")).award("5", "5")
                .cap(Cap.of(Period.DAY, Cap.Unit.COUNT, "3")).build();
        return RuleSet.of("ant", "test", SHANGHAI, List.of(offline), List.of());
    }

    private static Activity payment(String id, String account, String localTime, String amount) {
        return Activity.builder(id).account(account).type("payment.offline").quantity(Quantity.parse("1 count"))
                .time(LocalDateTime.parse(localTime).atZone(SHANGHAI).toInstant(), SHANGHAI).region(Region.of("CN"))
                .attribute("amount_cny", amount).build();
    }

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
