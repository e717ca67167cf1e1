package dev.carbonkit.examples.demo;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.Footprint;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.calc.ScoringException;
import dev.carbonkit.calc.FootprintTotals;
import dev.carbonkit.credit.Award;
import dev.carbonkit.credit.CreditEngine;
import dev.carbonkit.credit.CreditResult;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.FactorCatalog;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factors.BundledFactors;
import dev.carbonkit.factors.BundledRules;
import dev.carbonkit.quantity.Quantity;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The README's demo: a week of one person in London and one in Shenzhen, scored with carbonkit's bundled factor
 * tables (London: the UK Government's 2024 conversion factors, DESNZ flat file v1.1; Shenzhen: China's grid
 * factors and Poore &amp; Nemecek's food factors), the Shenzhen rides and clean plate credited under two bundled
 * rule sets side by side, and numbers explained in full.
 * <p>
 * Run it from the repository root with {@code mvn -B -q -pl carbon-examples/demo -am compile exec:exec}.
 */
public final class Demo {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId SHENZHEN = ZoneId.of("Asia/Shanghai");

    private Demo() {
    }

    /**
     * Runs the demo, printing to standard output.
     *
     * @param args  ignored
     */
    public static void main(String[] args) {
        run(new PrintStream(System.out, true, StandardCharsets.UTF_8));
    }

    /**
     * Runs the demo, printing to the given stream.
     *
     * @param out  where to print, not null
     */
    public static void run(PrintStream out) {
        FactorCatalog catalog = BundledFactors.catalog();
        FootprintEngine engine = FootprintEngine.of(CalculationPolicy.defaults(), catalog);
        List<Footprint> week = engine.scoreAll(week());
        FactorTable desnz = week.get(0).getSelection().getTable();

        out.println("carbonkit demo: one week in London, scored with the bundled factor tables; every factor used for");
        out.println("London comes from " + desnz.getInfo().getTitle() + " " + desnz.getInfo().getEdition() + " (table "
                + desnz.getId() + ", " + desnz.getDigest() + ")");
        out.println();
        out.println(String.format(Locale.ROOT, "%-12s %-42s %-14s %-27s %12s", "activity", "type", "quantity",
                "factor", "kg CO2e"));
        for (Footprint footprint : week) {
            Activity activity = footprint.getActivity();
            out.println(String.format(Locale.ROOT, "%-12s %-42s %-14s %-27s %12s", activity.getId(), activity.getType(),
                    activity.getQuantity(), footprint.getFactor().getId(), footprint.getCo2e().toPlainString()));
        }
        out.println();
        out.println("By category (kg CO2e, exact):");
        FootprintTotals.byCategory(week, 1).forEach((category, total) ->
                out.println(String.format(Locale.ROOT, "  %-15s %12s", category, total.toPlainString())));
        BigDecimal total = FootprintTotals.total(week);
        out.println(String.format(Locale.ROOT, "  %-15s %12s  (%s kg rounded half-even to 2 places, for display)",
                "total", total.toPlainString(), total.setScale(2, RoundingMode.HALF_EVEN).toPlainString()));
        out.println();

        Footprint drive = week.stream().filter(f -> f.getActivity().getId().equals("sat-drive")).findFirst().orElseThrow();
        out.println("How 'sat-drive' was calculated, under the table's own AR5:");
        out.print(drive.getExplanation());
        out.println();
        Footprint ar6 = FootprintEngine.of(CalculationPolicy.defaults().withGwpSet(GwpSet.AR6), catalog)
                .score(drive.getActivity());
        out.println("The same drive re-weighted under AR6 (fossil methane 29.8, N2O 273), from the per-gas values:");
        out.print(ar6.getExplanation());
        out.println();
        shenzhen(out, catalog);
        out.println();
        out.println(desnz.getInfo().getAttribution().orElseThrow());
    }

    /** Bai's week in Shenzhen: footprints, then credits under two rule sets side by side, one award explained. */
    private static void shenzhen(PrintStream out, FactorCatalog catalog) {
        List<Activity> week = shenzhenWeek();
        FootprintEngine engine = FootprintEngine.of(CalculationPolicy.defaults(), catalog);
        List<Footprint> footprints = new ArrayList<>();
        for (Activity activity : week) {
            try {
                footprints.add(engine.score(activity));
            } catch (ScoringException noFactorHere) {
                // a clean plate has no factor; a metro ride has one for London, not for Shenzhen: credited, not scored
            }
        }
        out.println("One week in Shenzhen (Bai): footprints where the bundled tables have a factor");
        out.println(String.format(Locale.ROOT, "%-12s %-26s %-10s %-34s %12s", "activity", "type", "quantity", "factor",
                "kg CO2e"));
        for (Footprint footprint : footprints) {
            Activity activity = footprint.getActivity();
            out.println(String.format(Locale.ROOT, "%-12s %-26s %-10s %-34s %12s", activity.getId(), activity.getType(),
                    activity.getQuantity(), footprint.getFactor().getId(), footprint.getCo2e().toPlainString()));
        }
        FootprintTotals.byCategory(footprints, 1).forEach((category, total) ->
                out.println(String.format(Locale.ROOT, "  %-15s %12s", category, total.toPlainString())));
        out.println("  (China's grid factors are labelled UNVERIFIED in the bundled table; metro and bus rides have no");
        out.println("  bundled Chinese transport factor, so no footprint is invented for them)");
        out.println();
        RuleSet transit = BundledRules.ruleSet("cn-sz-low-carbon-public-transit");
        RuleSet expert = BundledRules.ruleSet("alibaba-cloud-energy-expert");
        CreditResult grams = CreditEngine.evaluate(transit, week);
        CreditResult credits = CreditEngine.evaluate(expert, week);
        out.println("Credits for the same week under two bundled rule sets, side by side:");
        out.println(String.format(Locale.ROOT, "%-12s %-26s %24s %24s", "activity", "type",
                "Shenzhen method (g CO2e)", "Energy Expert (credits)"));
        BigDecimal totalGrams = BigDecimal.ZERO;
        BigDecimal totalCredits = BigDecimal.ZERO;
        for (Activity activity : week) {
            BigDecimal g = earned(grams, activity.getId(), true);
            BigDecimal c = earned(credits, activity.getId(), false);
            if (g.signum() > 0 || c.signum() > 0) {
                out.println(String.format(Locale.ROOT, "%-12s %-26s %24s %24s", activity.getId(), activity.getType(),
                        g.toPlainString(), c.toPlainString()));
                totalGrams = totalGrams.add(g);
                totalCredits = totalCredits.add(c);
            }
        }
        out.println(String.format(Locale.ROOT, "%-12s %-26s %24s %24s", "total", "", totalGrams.toPlainString(),
                totalCredits.toPlainString()));
        out.println("  Shenzhen: grams avoided, from published net factors per passenger-km; Energy Expert: 554 per ride");
        out.println("  and 200 per clean plate as reported in 2022, with no calculation and no unit published.");
        out.println();
        Award ride = grams.getAwards().stream().filter(a -> a.getActivityId().equals("mon-metro")).findFirst().orElseThrow();
        out.println("How 'mon-metro' earned " + ride.getGrams().toPlainString() + " g under " + transit.getId() + ":");
        out.print(ride.explain());
    }

    private static BigDecimal earned(CreditResult result, String activityId, boolean grams) {
        BigDecimal total = BigDecimal.ZERO;
        for (Award award : result.getAwards()) {
            if (award.getActivityId().equals(activityId)) {
                total = total.add(grams ? award.getGrams() : award.getPoints());
            }
        }
        return total.stripTrailingZeros().signum() == 0 ? BigDecimal.ZERO : total.stripTrailingZeros();
    }

    /**
     * Bai's week in Shenzhen, Monday 4 to Sunday 10 March 2024: metro and e-bus rides, meals, a clean plate and
     * home electricity.
     *
     * @return the activities, never null
     */
    static List<Activity> shenzhenWeek() {
        return List.of(
                shenzhen("mon-metro", "transport.rail.underground", "12.5 pkm", "2024-03-04T08:05"),
                shenzhen("mon-metro-2", "transport.rail.underground", "12.5 pkm", "2024-03-04T18:20"),
                shenzhen("tue-ebus", "transport.bus.electric", "4.2 pkm", "2024-03-05T08:15"),
                shenzhen("wed-metro", "transport.rail.underground", "12.5 pkm", "2024-03-06T08:05"),
                shenzhen("wed-plate", "action.clean_plate", "1 count", "2024-03-06T12:40"),
                shenzhen("thu-ebus", "transport.bus.electric", "4.2 pkm", "2024-03-07T18:30"),
                shenzhen("week-rice", "food.rice", "1.5 kg", "2024-03-09T19:00"),
                shenzhen("week-pork", "food.pig_meat", "0.6 kg", "2024-03-09T19:00"),
                shenzhen("week-tofu", "food.tofu.soybeans", "0.8 kg", "2024-03-09T19:00"),
                shenzhen("week-power", "home.electricity.grid", "38 kWh", "2024-03-10T20:00"));
    }

    private static Activity shenzhen(String id, String type, String quantity, String localTime) {
        return Activity.builder(id).account("bai").type(type).quantity(Quantity.parse(quantity))
                .time(LocalDateTime.parse(localTime).atZone(SHENZHEN).toInstant(), SHENZHEN).region(Region.of("CN"))
                .build();
    }

    /**
     * One person's week in London, Monday 4 to Sunday 10 March 2024.
     *
     * @return the activities, never null
     */
    static List<Activity> week() {
        return List.of(
                activity("mon-tube", "transport.rail.underground", "12 pkm", "2024-03-04T08:10"),
                activity("mon-tube-2", "transport.rail.underground", "12 pkm", "2024-03-04T18:05"),
                activity("tue-bus", "transport.bus.local.average", "8.5 pkm", "2024-03-05T08:20"),
                activity("wed-tube", "transport.rail.underground", "12 pkm", "2024-03-06T08:10"),
                activity("thu-flight", "transport.flight.domestic.average.with_rf", "500 pkm", "2024-03-07T07:00"),
                activity("thu-hotel", "accommodation.hotel", "1 room-night", "2024-03-07T22:00"),
                activity("fri-flight", "transport.flight.domestic.average.with_rf", "500 pkm", "2024-03-08T17:30"),
                activity("sat-drive", "transport.car.average.petrol", "12 mi", "2024-03-09T11:00"),
                activity("week-power", "home.electricity.grid", "42.5 kWh", "2024-03-10T20:00"),
                activity("week-gas", "home.natural_gas", "180 kWh", "2024-03-10T20:00"),
                activity("week-water", "home.water.supply", "1.05 m3", "2024-03-10T20:00"));
    }

    private static Activity activity(String id, String type, String quantity, String localTime) {
        return Activity.builder(id).account("alex").type(type).quantity(Quantity.parse(quantity))
                .time(LocalDateTime.parse(localTime).atZone(LONDON).toInstant(), LONDON).region(Region.of("GB")).build();
    }
}
