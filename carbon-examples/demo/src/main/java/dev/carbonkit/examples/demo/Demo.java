package dev.carbonkit.examples.demo;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.Footprint;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.calc.FootprintTotals;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.FactorCatalog;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factors.BundledFactors;
import dev.carbonkit.quantity.Quantity;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The README's demo: one person's week in London, scored with carbonkit's bundled factor tables (here all
 * from the UK Government's 2024 conversion factors, DESNZ flat file v1.1), with every number explained.
 * <p>
 * Run it from the repository root with {@code mvn -B -q -pl carbon-examples/demo -am compile exec:exec}.
 */
public final class Demo {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

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

        out.println("carbonkit demo: one week in London, scored with the bundled factor tables; every factor used");
        out.println("comes from " + desnz.getInfo().getTitle() + " " + desnz.getInfo().getEdition() + " (table "
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
        out.println(desnz.getInfo().getAttribution().orElseThrow());
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
