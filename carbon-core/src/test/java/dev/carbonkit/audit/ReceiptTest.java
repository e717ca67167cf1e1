package dev.carbonkit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.Fixtures;
import dev.carbonkit.Version;
import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.calc.Rounding;
import dev.carbonkit.credit.Cap;
import dev.carbonkit.credit.Condition;
import dev.carbonkit.credit.CreditEngine;
import dev.carbonkit.credit.CreditResult;
import dev.carbonkit.credit.CreditRule;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.calc.FootprintTotals.Period;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.FactorCatalog;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factor.Region;
import dev.carbonkit.quantity.Quantity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Receipts: their canonical text, round trips through JSON Lines, and malformed input. */
class ReceiptTest {

    static final FactorTable DESNZ = Fixtures.desnz2024();
    static final FactorCatalog CATALOG = FactorCatalog.of(DESNZ);
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static Activity trip(String id, String account, String type, String quantity, String day) {
        return Activity.builder(id).account(account).type(type).quantity(Quantity.parse(quantity))
                .time(Instant.parse(day + "T08:30:00Z"), Fixtures.LONDON).region(Region.of("GB-LND"))
                .attribute("purpose", "commute").build();
    }

    static RuleSet ant() {
        CreditRule offline = CreditRule.builder("ant-offline-payment", CreditRule.Kind.FIXED_PER_EVENT, "payment.offline")
                .eligibility(Condition.atLeast("amount_cny", "1")).award("5", "5")
                .cap(Cap.of(Period.DAY, Cap.Unit.COUNT, "3")).build();
        return RuleSet.of("ant", "test", SHANGHAI, List.of(offline), List.of());
    }

    static Activity payment(String id, String account, String localTime, String amount) {
        return Activity.builder(id).account(account).type("payment.offline").quantity(Quantity.parse("1 count"))
                .time(LocalDateTime.parse(localTime).atZone(SHANGHAI).toInstant(), SHANGHAI).region(Region.of("CN"))
                .attribute("amount_cny", amount).build();
    }

    @Test
    void footprintReceipt_recordsThePolicyItWasScoredUnder_andRefusesAnother() {
        FootprintEngine engine = FootprintEngine.of(CalculationPolicy.defaults().withGwpSet(GwpSet.AR6), CATALOG);
        var footprint = engine.score(trip("t1", "alice", "transport.car.average.petrol", "12.5 mi", "2024-05-01"));
        assertThat(footprint.getPolicy()).isEqualTo(engine.getPolicy());
        assertThat(Receipt.of(footprint).get("policy.gwp")).contains("AR6");
        assertThat(Receipt.of(footprint, engine.getPolicy()).toJson()).isEqualTo(Receipt.of(footprint).toJson());
        assertThatThrownBy(() -> Receipt.of(footprint, CalculationPolicy.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Footprint of activity 't1' was scored under gwp AR6, fallbacks [TYPE, REGION,"
                        + " DATE, GWP_NOT_REWEIGHTED, GWP_NOT_STATED], rounding none, not gwp AR5");
    }

    @Test
    void footprintReceipt_isCanonicalJson_withEveryInputAndStep() {
        FootprintEngine engine = FootprintEngine.of(CalculationPolicy.defaults(), CATALOG);
        Receipt receipt = Receipt.of(engine.score(trip("t1", "alice", "transport.car.average.petrol", "12.5 mi",
                "2024-05-01")), engine.getPolicy());
        String json = receipt.toJson();
        // keys sorted, no white space, every value text or null
        assertThat(json).startsWith("{\"account\":\"alice\",\"activity\":{\"account\":\"alice\",\"attributes\":"
                + "{\"purpose\":\"commute\"},\"factor\":null,\"id\":\"t1\",\"quantity\":\"12.5 mi\",\"region\":\"GB-LND\","
                + "\"time\":\"2024-05-01T08:30:00Z\",\"type\":\"transport.car.average.petrol\",\"zone\":\"Europe/London\"},"
                + "\"engine\":\"carbonkit " + Version.VERSION + "\",\"factor\":\"desnz-2024/4_301_3070_9\","
                + "\"format\":\"carbonkit-receipt/1\",\"id\":\"t1\",\"kind\":\"footprint\",\"policy\":{\"fallbacks\":[");
        assertThat(json).endsWith(",\"table\":{\"digest\":\"" + DESNZ.getDigest() + "\",\"id\":\"desnz-2024\"}}")
                .doesNotContain(" \"").doesNotContain("\n");
        assertThat(receipt.getKind()).isEqualTo(Receipt.Kind.FOOTPRINT);
        assertThat(receipt.getId()).isEqualTo("t1");
        assertThat(receipt.getAccount()).isEqualTo("alice");
        assertThat(receipt.get("result.co2e_kg")).contains(engine.score(trip("t1", "alice", "transport.car.average.petrol",
                "12.5 mi", "2024-05-01")).getCo2e().stripTrailingZeros().toPlainString());
        assertThat(receipt.get("result.fallbacks")).isEmpty();
        assertThat(receipt.get("nothing.here")).isEmpty();
        assertThat(receipt.getSteps()).isNotEmpty().first().asString().startsWith("ACTIVITY ");
        assertThat(Receipt.parse(json)).isEqualTo(receipt).hasToString(json);
        assertThat(receipt.toBytes()).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void awardReceipts_nameTheRuleSetDigest_theOutcomeAndTheEntries() {
        RuleSet ant = ant();
        List<Activity> payments = List.of(payment("p1", "alice", "2024-03-01T10:00", "12"),
                payment("p2", "alice", "2024-03-01T11:00", "0.5"));
        CreditResult result = CreditEngine.evaluate(ant, payments);
        List<Receipt> receipts = Receipt.of(result, ant, payments);
        assertThat(receipts).hasSize(2);
        Receipt first = receipts.get(0);
        assertThat(first.getKind()).isEqualTo(Receipt.Kind.AWARD);
        assertThat(first.get("ruleset.digest")).contains(ant.getDigest());
        assertThat(first.get("rule")).contains("ant-offline-payment");
        assertThat(first.get("closed_up_to")).contains("2024-03-01T03:00:00Z");
        assertThat(first.get("result.outcome")).contains("AWARDED");
        assertThat(first.get("result.points_entry")).contains("ant:p1:ant-offline-payment:points");
        assertThat(receipts.get(1).get("result.outcome")).contains("INELIGIBLE");
        assertThat(receipts.get(1).get("result.points_entry")).isEmpty();
        assertThat(first.toJson()).contains(",\"result\":{\"grams\":\"5\",\"outcome\":\"AWARDED\",\"points\":\"5\","
                + "\"points_entry\":\"ant:p1:ant-offline-payment:points\","
                + "\"reduction_entry\":\"ant:p1:ant-offline-payment:reduction\"},\"rule\":\"ant-offline-payment\",");
        assertThatThrownBy(() -> Receipt.of(result, ant, payments.subList(0, 1)))
                .hasMessage("Award of activity 'p2' under rule ant-offline-payment names an activity that is not among"
                        + " the activities given");
    }

    @Test
    void jsonLines_roundTrip_andStringsEscapeOnlyWhatJsonRequires() throws IOException {
        FootprintEngine engine = FootprintEngine.of(CalculationPolicy.defaults().withGwpSet(GwpSet.AR6)
                .withRounding(Rounding.of(2, RoundingMode.HALF_EVEN)), CATALOG);
        Activity odd = Activity.builder("t\"2").account("小明 \\ tab\t").type("home.electricity.grid")
                .quantity(Quantity.parse("3.2 kWh")).time(Instant.parse("2024-02-01T00:00:00Z"), Fixtures.LONDON)
                .region(Region.of("GB")).attribute("note", "line\nbreak \u0001 é").build();
        List<Receipt> receipts = List.of(Receipt.of(engine.score(odd)),
                Receipt.of(engine.score(trip("t3", "bob", "transport.rail.underground", "7 pkm", "2024-06-01")),
                        engine.getPolicy()));
        assertThat(receipts.get(0).toJson()).contains("\"id\":\"t\\\"2\"", "\"account\":\"小明 \\\\ tab\\t\"",
                "\"note\":\"line\\nbreak \\u0001 é\"", "\"rounding\":{\"mode\":\"HALF_EVEN\",\"scale\":\"2\"}",
                "\"presented_kg\":\"0.");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ReceiptWriter writer = new ReceiptWriter(bytes)) {
            writer.writeAll(receipts);
            assertThat(writer.getCount()).isEqualTo(2);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        // without finish(), the file has no end line
        String first = receipts.get(0).toChainedJson(1, ReceiptChain.GENESIS);
        String second = receipts.get(1).toChainedJson(2, dev.carbonkit.internal.Digests.sha256(first));
        assertThat(text).isEqualTo(first + "\n" + second + "\n");
        assertThat(first).contains("\"chain\":{\"previous\":\"" + ReceiptChain.GENESIS + "\",\"sequence\":\"1\"}",
                "\"format\":\"carbonkit-receipt/2\"");
        List<Receipt> read = new ArrayList<>();
        try (ReceiptReader reader = new ReceiptReader(new ByteArrayInputStream(("\n" + text).getBytes(StandardCharsets.UTF_8)),
                "r.jsonl")) {
            reader.forEach(read::add);
            assertThat(reader.getLine()).isEqualTo(3);
            assertThat(reader.getChain().getStatus()).isEqualTo(ReceiptChain.Status.BROKEN);
            assertThat(reader.getChain().getFindings()).singleElement().hasToString("line 3: TRUNCATED: the file ends"
                    + " after receipt 2 without its end line: it was cut short, or its writer did not finish");
        }
        assertThat(read).extracting(Receipt::withoutLink).isEqualTo(receipts);
        assertThat(read.get(1).getLink()).contains(new Receipt.Link(2, dev.carbonkit.internal.Digests.sha256(first)));
    }

    @Test
    void malformedReceipts_areRefusedWithTheirPosition() throws IOException {
        String good = Receipt.of(FootprintEngine.of(CalculationPolicy.defaults(), CATALOG).score(trip("t1", "alice",
                "transport.rail.underground", "7 pkm", "2024-06-01")), CalculationPolicy.defaults()).toJson();
        assertThatThrownBy(() -> Receipt.parse("[1]")).hasMessage("receipt:1:1: a receipt is a JSON object, found an array");
        assertThatThrownBy(() -> Receipt.parse(good.replace("\"7 pkm\"", "7"))).isInstanceOf(ReceiptFormatException.class)
                .hasMessageContaining("receipts hold text, arrays, objects and null only; found a number '7'");
        assertThatThrownBy(() -> Receipt.parse(good.replace("{\"account\"", "{\"id\":\"x\",\"account\"")))
                .hasMessageContaining("Duplicate field 'id'");
        assertThatThrownBy(() -> Receipt.parse(good.replace("carbonkit-receipt/1", "carbonkit-receipt/9")))
                .hasMessage("receipt:1:1: not a receipt of format carbonkit-receipt/1 or carbonkit-receipt/2: format is"
                        + " 'carbonkit-receipt/9'");
        assertThatThrownBy(() -> Receipt.parse(good.replace("\"kind\":\"footprint\"", "\"kind\":\"guess\"")))
                .hasMessage("receipt:1:1: unknown receipt kind 'guess'; expected footprint, award or ledger");
        assertThatThrownBy(() -> Receipt.parse(good + " {}")).hasMessageContaining("text after the receipt's object");
        assertThatThrownBy(() -> Receipt.parse(good.substring(0, 40))).isInstanceOf(ReceiptFormatException.class);
        String file = good + "\n" + good.replace("\"12", "12") + "\n" + good.replace("\"7 pkm\"", "true") + "\n";
        try (ReceiptReader reader = new ReceiptReader(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
                "audit.jsonl")) {
            assertThat(reader.read()).isNotNull();
            assertThat(reader.read()).isNotNull();
            assertThatThrownBy(reader::read).isInstanceOfSatisfying(ReceiptFormatException.class, e -> {
                assertThat(e.getSource()).isEqualTo("audit.jsonl");
                assertThat(e.getLine()).isEqualTo(3);
                assertThat(e.getColumn()).isEqualTo(good.indexOf("\"7 pkm\"") + 1);
                assertThat(e.getProblem()).startsWith("receipts hold text, arrays, objects and null only; found a"
                        + " boolean 'true'");
            });
        }
    }
}
