package dev.carbonkit.examples.quickstart;

import dev.carbonkit.audit.Receipt;
import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.Footprint;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.credit.Award;
import dev.carbonkit.credit.CreditEngine;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factors.BundledFactors;
import dev.carbonkit.factors.BundledRules;
import dev.carbonkit.quantity.Quantity;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * carbonkit embedded in 20 lines: the footprint of a drive in London, the credit of a metro ride in Shenzhen, each
 * with its calculation, and the drive's receipt. Run: {@code mvn -B -q -pl carbon-examples/quickstart -am compile
 * exec:exec}.
 */
public final class Quickstart {

    private Quickstart() {
    }

    /**
     * Runs the example.
     *
     * @param args  ignored
     */
    public static void main(String[] args) {
        FootprintEngine engine = FootprintEngine.of(CalculationPolicy.defaults(), BundledFactors.catalog());
        Activity drive = Activity.builder("drive-1").account("alex").type("transport.car.average.petrol")
                .quantity(Quantity.parse("12 mi")).time(Instant.parse("2024-03-09T11:00:00Z"), ZoneId.of("Europe/London"))
                .region(Region.of("GB")).build();
        Footprint footprint = engine.score(drive);
        System.out.println(footprint.getCo2e().toPlainString() + " kg CO2e, from " + footprint.getFactor().getId());
        System.out.print(footprint.getExplanation());

        RuleSet shenzhen = BundledRules.ruleSet("cn-sz-low-carbon-public-transit");
        Activity ride = Activity.builder("ride-1").account("bai").type("transport.rail.underground")
                .quantity(Quantity.parse("12.5 pkm")).time(Instant.parse("2024-03-04T00:05:00Z"), ZoneId.of("Asia/Shanghai"))
                .region(Region.of("CN")).build();
        Award award = CreditEngine.evaluate(shenzhen, List.of(ride)).getAwards().get(0);
        System.out.println(award.getGrams().toPlainString() + " g CO2e avoided, " + award.getOutcome());
        System.out.print(award.explain());

        System.out.println(Receipt.of(footprint).toJson());
    }
}
