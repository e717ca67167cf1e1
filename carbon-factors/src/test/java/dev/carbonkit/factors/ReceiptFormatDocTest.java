package dev.carbonkit.factors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.carbonkit.audit.Receipt;
import dev.carbonkit.audit.ReceiptVerifier;
import dev.carbonkit.audit.Verification;
import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.credit.CarbonAccounts;
import dev.carbonkit.credit.CreditEngine;
import dev.carbonkit.credit.InMemoryLedgerStore;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.factor.Region;
import dev.carbonkit.quantity.Quantity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/receipt-format.md shows real receipts made from the bundled tables and rule sets; they match the schema
 * and replay.
 */
class ReceiptFormatDocTest {

    static Receipt footprintExample() {
        FootprintEngine engine = FootprintEngine.of(CalculationPolicy.defaults(), BundledFactors.catalog());
        Activity trip = Activity.builder("trip-1").account("alice").type("transport.car.average.petrol")
                .quantity(Quantity.parse("12.5 mi")).time(Instant.parse("2024-05-01T08:30:00Z"), ZoneId.of("Europe/London"))
                .region(Region.of("GB-LND")).build();
        return Receipt.of(engine.score(trip));
    }

    static List<Receipt> awardExamples() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        Activity payment = Activity.builder("pay-1").account("bai").type("payment.offline")
                .quantity(Quantity.parse("1 count")).time(LocalDateTime.parse("2024-03-01T10:00").atZone(shanghai)
                        .toInstant(), shanghai).region(Region.of("CN")).attribute("amount_cny", "12").build();
        RuleSet ant = BundledRules.ruleSet("cn-alipay-ant-forest");
        return Receipt.of(CreditEngine.evaluate(ant, List.of(payment)), ant, List.of(payment));
    }

    /** Bai's two payments under Ant Forest, the second refunded; as of 10 March the first one's points are lost. */
    static List<Receipt> ledgerExamples() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        CarbonAccounts accounts = new CarbonAccounts(BundledRules.ruleSet("cn-alipay-ant-forest"), new InMemoryLedgerStore());
        for (String[] payment : new String[][] {{"pay-1", "2024-03-01T10:00"}, {"pay-2", "2024-03-01T12:00"}}) {
            accounts.award(Activity.builder(payment[0]).account("bai").type("payment.offline")
                    .quantity(Quantity.parse("1 count")).time(LocalDateTime.parse(payment[1]).atZone(shanghai).toInstant(),
                            shanghai).region(Region.of("CN")).attribute("amount_cny", "12").build());
        }
        accounts.reverse("bai", "pay-2", "refund R-7");
        return Receipt.ofLedger(accounts, "bai", Instant.parse("2024-03-10T00:00:00Z"));
    }

    private static List<String> jsonBlocks() throws IOException {
        String doc = Files.readString(Path.of("../docs/receipt-format.md"));
        List<String> blocks = new ArrayList<>();
        for (int start = doc.indexOf("```json\n"); start >= 0; start = doc.indexOf("```json\n", start)) {
            start += 8;
            blocks.add(doc.substring(start, doc.indexOf("\n```", start)));
        }
        return blocks;
    }

    @Test
    void theDocShowsRealReceipts() throws IOException {
        List<String> blocks = jsonBlocks();
        assertThat(blocks).hasSize(3);
        assertThat(blocks.get(0)).isEqualTo(footprintExample().toJson());
        assertThat(blocks.get(1)).isEqualTo(awardExamples().get(0).toJson());
        assertThat(ledgerExamples()).extracting(receipt -> receipt.get("event.kind").orElseThrow())
                .containsExactly("AWARDED", "AWARDED", "REVERSED", "EXPIRED");
        assertThat(blocks.get(2)).isEqualTo(ledgerExamples().get(2).toJson());
    }

    @Test
    void receiptsMatchTheSchema_andReplay() throws IOException {
        JsonNode schemaJson = new ObjectMapper().readTree(Path.of("../docs/receipt.schema.json").toFile());
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaJson);
        List<Receipt> receipts = new ArrayList<>(awardExamples());
        receipts.add(0, footprintExample());
        receipts.addAll(ledgerExamples());
        for (Receipt receipt : receipts) {
            assertThat(schema.validate(new ObjectMapper().readTree(receipt.toJson()))).as(receipt.getId()).isEmpty();
        }
        assertThat(schema.validate(new ObjectMapper().readTree(receipts.get(0).toJson().replace("\"12.5 mi\"", "12.5"))))
                .isNotEmpty();
        List<Verification> found = new ArrayList<>();
        ReceiptVerifier.of(BundledFactors.catalog(), List.of(BundledRules.ruleSet("cn-alipay-ant-forest")))
                .verifyAll(receipts, found::add);
        assertThat(found).allMatch(Verification::isReproduced);
        // a spend footprint with a proxy and money converted with a table has its two optional keys, also valid
        dev.carbonkit.factor.MoneyTable prices = dev.carbonkit.io.MoneyTableLoader.standard().parse("format:"
                + " carbonkit-money-table/1\ntable: test-prices\ntitle: Test figures (not a publisher's)\npublisher: tests\n"
                + "edition: \"1\"\nlicence: CC0-1.0\nindices:\n  USD: {2022: 100, 2024: 108}\nrates:\n"
                + "  - {from: GBP, to: USD, year: 2024, rate: 1.25}\n", "prices.yaml");
        Receipt spend = Receipt.of(FootprintEngine.of(CalculationPolicy.defaults().withProxy("spend", Region.of("US")),
                BundledFactors.catalog()).withMoneyTables(List.of(prices)).score(Activity.builder("dinner").account("erin")
                .type("spend.naics.722511").quantity(Quantity.parse("40 GBP@2024"))
                .time(Instant.parse("2024-06-20T19:00:00Z"), ZoneId.of("Europe/London")).region(Region.of("GB-LND"))
                .build()));
        assertThat(spend.toJson()).contains("\"money\":[").contains("\"proxies\":{\"spend\":\"US\"}");
        assertThat(schema.validate(new ObjectMapper().readTree(spend.toJson()))).isEmpty();
        assertThat(ReceiptVerifier.of(BundledFactors.catalog(), List.of()).withMoneyTables(List.of(prices)).verify(spend)
                .isReproduced()).isTrue();
    }
}
