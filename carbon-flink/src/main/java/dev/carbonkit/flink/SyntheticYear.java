package dev.carbonkit.flink;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Random;

/**
 * The synthetic Shenzhen community of carbon-examples/community (589 residents over a quarter) scaled up: any number of
 * residents over a year, with the same habits (a monthly power bill and paid utility bill, a monthly grocery basket,
 * metro and electric-bus rides, offline payments), as a CSV in the command's contract, from a fixed seed.
 * <pre>
 * SyntheticYear FILE RESIDENTS
 * </pre>
 */
public final class SyntheticYear {

    private static final ZoneId SHENZHEN = ZoneId.of("Asia/Shanghai");
    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
    private static final String[] FOODS = {"food.rice,6,kg", "food.pig_meat,2,kg", "food.tofu.soybeans,1.5,kg",
        "food.poultry_meat,1.2,kg"};

    private SyntheticYear() {
    }

    /**
     * Writes the year of a number of residents.
     *
     * @param file  where, not null
     * @param residents  how many, 1 or more
     * @return the number of activities written
     * @throws IOException if the file cannot be written
     */
    public static long write(Path file, int residents) throws IOException {
        Random random = new Random(3777L);
        long count = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,account,type,quantity,unit,region,time,zone,attr.amount_cny,attr.utilityAccountNo,"
                    + "attr.payment\n");
            for (int r = 1; r <= residents; r++) {
                String account = String.format(Locale.ROOT, "resident-%06d", r);
                boolean commuter = random.nextInt(10) < 6;
                for (int month = 0; month < 12; month++) {
                    LocalDate first = FIRST.plusMonths(month);
                    row(out, account + "-power-" + month, account, "home.electricity.grid",
                            Integer.toString(120 + random.nextInt(280)), "kWh",
                            first.plusMonths(1).minusDays(1).atTime(20, 0), "", "", "");
                    String[] food = FOODS[random.nextInt(FOODS.length)].split(",");
                    row(out, account + "-food-" + month, account, food[0], food[1], food[2],
                            first.plusDays(14).atTime(19, 0), "", "", "");
                    row(out, account + "-bill-" + month, account, "payment.utility", "1", "count",
                            first.plusDays(random.nextInt(25)).atTime(9, 30), Integer.toString(60 + random.nextInt(200)),
                            account + "-power", "");
                    count += 3;
                }
                int trips = commuter ? 120 + random.nextInt(160) : random.nextInt(48);
                for (int t = 0; t < trips; t++) {
                    boolean metro = random.nextInt(3) > 0;
                    String distance = (metro ? 3 + random.nextInt(25) : 1 + random.nextInt(9)) + "." + random.nextInt(10);
                    row(out, account + "-ride-" + t, account, metro ? "transport.rail.underground"
                            : "transport.bus.electric", distance, "pkm", FIRST.plusDays(random.nextInt(366))
                                    .atTime(7 + random.nextInt(12), random.nextInt(60)), "", "", "alipay");
                }
                int shopping = 20 + random.nextInt(100);
                for (int p = 0; p < shopping; p++) {
                    row(out, account + "-pay-" + p, account, "payment.offline", "1", "count",
                            FIRST.plusDays(random.nextInt(366)).atTime(8 + random.nextInt(13), random.nextInt(60)),
                            random.nextInt(10) == 0 ? "0.5" : Integer.toString(2 + random.nextInt(90)), "", "");
                }
                count += trips + shopping;
            }
        }
        return count;
    }

    private static void row(BufferedWriter out, String id, String account, String type, String quantity, String unit,
            LocalDateTime local, String amount, String utility, String payment) throws IOException {
        out.write(id + "," + account + "," + type + "," + quantity + "," + unit + ",CN-GD,"
                + local.atZone(SHENZHEN).toInstant() + ",Asia/Shanghai," + amount + "," + utility + "," + payment
                + "\n");
    }

    /**
     * Writes a year.
     *
     * @param args  the file and the number of residents (100,000 by default)
     * @throws IOException if the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        int residents = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        long count = write(Path.of(args[0]), residents);
        System.out.printf(Locale.ROOT, "%,d activities of %,d residents written to %s%n", count, residents, args[0]);
    }
}
