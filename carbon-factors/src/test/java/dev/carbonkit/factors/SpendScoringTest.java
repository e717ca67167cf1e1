package dev.carbonkit.factors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.audit.Receipt;
import dev.carbonkit.audit.ReceiptVerifier;
import dev.carbonkit.audit.Verification;
import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.FactorNotFoundException;
import dev.carbonkit.calc.Footprint;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.emissions.Gas;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.Region;
import dev.carbonkit.quantity.Quantity;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spend through the bundled supply-chain table (issue #21): exact footprints with and without margins, AR6 from the
 * per-gas masses, receipts that replay, and money of another year or currency refused, never converted.
 */
class SpendScoringTest {

    private static final FootprintEngine AR5 = FootprintEngine.of(CalculationPolicy.defaults(), BundledFactors.catalog());

    private static Activity spend(String id, String type, String amount) {
        return Activity.builder(id).account("erin").type(type).quantity(Quantity.parse(amount))
                .time(Instant.parse("2024-06-15T16:00:00Z"), ZoneId.of("America/New_York")).region(Region.of("US"))
                .build();
    }

    @Test
    void aPurchase_isTheAmountTimesThePublishersFactor_withOrWithoutMargins() {
        // 311230 Breakfast Cereal Manufacturing: 0.473 with margins, 0.423 without (the EPA's CO2e file)
        Footprint shop = AR5.score(spend("cereal", "spend.naics.311230", "7.99 USD@2022"));
        assertThat(shop.getCo2e()).isEqualByComparingTo("3.77927");
        assertThat(shop.getFactor().getId()).isEqualTo("epa-supply-chain-v1.3/311230");
        assertThat(shop.getFallbacks()).isEmpty();
        Footprint factory = AR5.score(spend("cereal-b2b", "spend.naics.311230.without_margins", "7.99 USD@2022"));
        assertThat(factory.getCo2e()).isEqualByComparingTo("3.37977");
        // the per-gas values are the by-gas file's masses times the amount: CO2 0.330 kg per dollar with margins
        assertThat(shop.getEmissions().getMass(Gas.CO2)).hasValueSatisfying(kg -> assertThat(kg)
                .isEqualByComparingTo("2.63670"));
    }

    @Test
    void underAr6_theGasesAreReweighted_andTheUnspecifiedPartKeptAsPublished() {
        FootprintEngine ar6 = FootprintEngine.of(CalculationPolicy.defaults().withGwpSet(GwpSet.AR6),
                BundledFactors.catalog());
        // 485310 Taxi Service, with margins, 23.75 dollars: the sum of each gas's mass per dollar times its AR6 GWP
        // ("HFCs and PFCs, unspecified" at 1), times 23.75, worked from the by-gas file
        Footprint taxi = ar6.score(spend("taxi", "spend.naics.485310", "23.75 USD@2022"));
        assertThat(taxi.getCo2e()).isEqualByComparingTo("13.4392375062");
        assertThat(taxi.getExplanation().toString()).contains("HFCs-PFCs-unspecified");
    }

    @Test
    void spendReceipts_replay() {
        List<Receipt> receipts = List.of(Receipt.of(AR5.score(spend("a", "spend.naics.722511", "64.30 USD@2022"))),
                Receipt.of(AR5.score(spend("b", "spend.naics.315220.without_margins", "89.99 USD@2022"))));
        ReceiptVerifier verifier = ReceiptVerifier.of(BundledFactors.catalog(), List.of());
        for (Receipt receipt : receipts) {
            assertThat(verifier.verify(receipt).getStatus()).isEqualTo(Verification.Status.REPRODUCED);
        }
    }

    @Test
    void moneyOfAnotherYearOrCurrency_isRefused_neverConverted() {
        assertThatThrownBy(() -> AR5.score(spend("late", "spend.naics.722511", "64.30 USD@2024")))
                .isInstanceOf(FactorNotFoundException.class)
                .hasMessage("Activity 'late': factors for type 'spend.naics.722511' are per USD@2022 (MONEY); the"
                        + " quantity '64.30 USD@2024' is MONEY and does not convert without money tables (price indices,"
                        + " exchange rates) that you pin");
        assertThatThrownBy(() -> AR5.score(spend("pounds", "spend.naics.722511", "50 GBP@2022")))
                .isInstanceOf(FactorNotFoundException.class).hasMessageContaining("'50 GBP@2022' is MONEY and does not"
                        + " convert");
    }

    /** The test's own figures, round and invented for it: no publisher's series. */
    private static final dev.carbonkit.factor.MoneyTable PRICES = dev.carbonkit.io.MoneyTableLoader.standard().parse(
            "format: carbonkit-money-table/1\ntable: test-prices\ntitle: Test figures (not a publisher's)\n"
                    + "publisher: carbonkit's tests\nedition: \"1\"\nlicence: CC0-1.0\n"
                    + "indices:\n  USD: {2022: 100, 2024: 108}\nrates:\n  - {from: GBP, to: USD, year: 2024, rate: 1.25}\n",
            "test-prices.yaml");

    @Test
    void moneyOfAnotherYear_isConvertedWithPinnedTables_explained_andReplayed() {
        FootprintEngine engine = AR5.withMoneyTables(List.of(PRICES));
        // 54 USD@2024 x 100 / 108 = 50 USD@2022; x 0.194 (722511, with margins) = 9.7 kg
        Footprint dinner = engine.score(spend("dinner-2024", "spend.naics.722511", "54 USD@2024"));
        assertThat(dinner.getCo2e()).isEqualByComparingTo("9.7");
        assertThat(dinner.getActivity().getQuantity()).hasToString("54 USD@2024");
        assertThat(dinner.getMoneyConversion()).extracting(Object::toString).containsExactly("54 USD@2024 x 100 / 108"
                + " (USD price index, 2022 over 2024, table test-prices " + PRICES.getDigest() + ") = 50 USD@2022");
        assertThat(dinner.getExplanation().toString()).contains("CONVERT   54 USD@2024 x 100 / 108");
        Receipt receipt = Receipt.of(dinner);
        assertThat(receipt.toJson()).contains("\"money\":[{\"digest\":\"" + PRICES.getDigest()
                + "\",\"id\":\"test-prices\"}]").contains("\"quantity\":\"54 USD@2024\"");
        ReceiptVerifier verifier = ReceiptVerifier.of(BundledFactors.catalog(), List.of());
        assertThat(verifier.verify(receipt).getStatus()).isEqualTo(Verification.Status.MISSING_TABLE);
        assertThat(verifier.withMoneyTables(List.of(PRICES)).verify(receipt).getStatus())
                .isEqualTo(Verification.Status.REPRODUCED);
        // another currency: exchanged at the year spent, then deflated (a ratio rounded once, said so)
        Footprint pounds = engine.score(spend("shirt-gbp", "spend.naics.315220", "100 GBP@2024"));
        assertThat(pounds.getMoneyConversion()).hasSize(2);
        assertThat(pounds.getCo2e()).isEqualByComparingTo(new java.math.BigDecimal(
                "115.7407407407407407407407407407407").multiply(new java.math.BigDecimal("0.12")));
        assertThat(verifier.withMoneyTables(List.of(PRICES)).verify(Receipt.of(pounds)).getStatus())
                .isEqualTo(Verification.Status.REPRODUCED);
        // a figure no table has: refused, saying which
        assertThatThrownBy(() -> engine.score(spend("old", "spend.naics.722511", "10 USD@2021")))
                .isInstanceOf(FactorNotFoundException.class)
                .hasMessageEndingWith("; and with the money tables: no USD price index for both 2021 and 2022 in the"
                        + " money tables [test-prices]; pin a table that has them");
    }
}
