package dev.carbonkit.benchmarks;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.factor.EmissionFactor;
import dev.carbonkit.factor.FactorCatalog;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factor.Region;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.quantity.Unit;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The realistic mix the scoring benchmarks use: transport, food and home energy, in several regions and on dates
 * in 2024 and 2025, every activity with a factor of its own region and unit (no fallback), and the same data laid
 * out for the hand-written double loop.
 */
final class Workload {

    /** Type, unit, region, and the range of quantities. */
    private static final String[][] MIX = {
        {"transport.car.average.petrol", "mi", "GB", "40"}, {"transport.car.average.diesel", "km", "GB", "60"},
        {"transport.rail.underground", "pkm", "GB", "25"}, {"transport.bus.local.average", "pkm", "GB", "15"},
        {"transport.motorbike.average", "mi", "GB", "30"}, {"home.electricity.grid", "kWh", "GB", "20"},
        {"home.natural_gas", "kWh", "GB", "60"}, {"home.water.supply", "m3", "GB", "2"},
        {"accommodation.hotel", "room-night", "GB", "3"}, {"home.electricity.grid.lifecycle", "kWh", "FR", "20"},
        {"home.electricity.grid.lifecycle", "kWh", "DE", "20"}, {"home.electricity.grid.lifecycle", "kWh", "US", "30"},
        {"food.rice", "kg", "GLOBAL", "3"}, {"food.cheese", "kg", "GLOBAL", "1"},
        {"food.poultry_meat", "kg", "GLOBAL", "2"}, {"food.tofu.soybeans", "kg", "GLOBAL", "2"}};

    static final int SIZE = 1024;

    final Activity[] activities = new Activity[SIZE];
    /** For the double loop: each activity's key, day, quantity and unit's factor to its dimension's reference. */
    final String[] keys = new String[SIZE];
    final long[] days = new long[SIZE];
    final double[] quantities = new double[SIZE];
    /** For the double loop: per key, rows of {first day, last day, kg CO2e per unit}. */
    final Map<String, double[][]> rows = new HashMap<>();

    Workload(FactorCatalog catalog) {
        Random random = new Random(20261128L);
        ZoneId london = ZoneId.of("Europe/London");
        for (int i = 0; i < SIZE; i++) {
            String[] kind = MIX[random.nextInt(MIX.length)];
            // OWID's grid intensities end with 2024: those activities are in 2024, the others in 2024 or 2025
            int year = kind[0].endsWith(".lifecycle") ? 2024 : 2024 + random.nextInt(2);
            LocalDate day = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
            String amount = (1 + random.nextInt(Integer.parseInt(kind[3]))) + "." + random.nextInt(100);
            activities[i] = Activity.builder("a" + i).account("r" + (i % 50)).type(kind[0])
                    .quantity(Quantity.parse(amount + " " + kind[1])).time(day.atTime(12, 0).atZone(london).toInstant(), london)
                    .region(Region.of(kind[2])).build();
            keys[i] = kind[0] + "|" + kind[2] + "|" + kind[1];
            days[i] = day.toEpochDay();
            quantities[i] = Double.parseDouble(amount);
        }
        Map<String, List<double[]>> lists = new HashMap<>();
        for (FactorTable table : catalog.getTables()) {
            for (EmissionFactor factor : table.getFactors()) {
                if (factor.getCo2e().isEmpty()) {
                    continue;
                }
                String key = factor.getActivityType() + "|" + factor.getRegion().getCode() + "|" + factor.getPer().getCode();
                double kg = factor.getCo2e().get().to(Unit.KILOGRAM).getAmount().doubleValue();
                double first = factor.getValidity().getStartInclusive().map(LocalDate::toEpochDay).orElse(Long.MIN_VALUE)
                        .doubleValue();
                double last = factor.getValidity().getEndInclusive().map(LocalDate::toEpochDay).orElse(Long.MAX_VALUE)
                        .doubleValue();
                lists.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {first, last, kg});
            }
        }
        lists.forEach((key, list) -> rows.put(key, list.toArray(new double[0][])));
        for (int i = 0; i < SIZE; i++) {
            double[][] found = rows.get(keys[i]);
            boolean dated = false;
            for (double[] row : found == null ? new double[0][] : found) {
                dated |= row[0] <= days[i] && days[i] <= row[1];
            }
            if (!dated) {
                throw new IllegalStateException(String.format(Locale.ROOT, "the mix needs a factor for %s on day %d",
                        keys[i], days[i]));
            }
        }
    }
}
