package dev.carbonkit.examples.community;

import dev.carbonkit.audit.Receipt;
import dev.carbonkit.audit.ReceiptWriter;
import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.credit.CreditEngine;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factors.BundledFactors;
import dev.carbonkit.factors.BundledRules;
import dev.carbonkit.quantity.Quantity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A synthetic residential community in Shenzhen, 589 residents from January to March 2024, the size of the pilot
 * that reported "37.77 t CO2 saved" with no calculation. Their metro and e-bus rides are credited under the
 * bundled Shenzhen low-carbon transit rule set, their shop payments and utility bills under the bundled Ant
 * Forest rule set, and their household electricity and food scored with the bundled tables. Every calculation
 * leaves a receipt; the report sums them, and says which receipts each figure sums.
 * <p>
 * The residents are made up, from a fixed seed: the same run gives the same bytes on any JVM. The figures are
 * not the pilot's and do not claim to be; they show what a report with its calculations looks like.
 * <p>
 * Run: {@code mvn -B -q -pl carbon-examples/community -am compile exec:exec} (writes target/community).
 */
public final class Community {

    /** The number of residents, as in the pilot. */
    public static final int RESIDENTS = 589;
    /** The title of the report. */
    public static final String TITLE = "Synthetic community of 589 residents, Shenzhen";
    /** The period the activities cover. */
    public static final String PERIOD = "2024-01-01 to 2024-03-31 (Asia/Shanghai)";

    private static final ZoneId SHENZHEN = ZoneId.of("Asia/Shanghai");
    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
    private static final String[] FOODS = {"food.rice 6 kg", "food.pig_meat 2.5 kg", "food.poultry_meat 1.5 kg",
        "food.tofu.soybeans 1.2 kg", "food.milk 4 kg", "food.wheat_and_rye 3 kg"};

    private Community() {
    }

    /** What one run wrote. */
    public record Written(Path receipts, Path json, Path markdown, Path html, CommunityReport report) {
    }

    /**
     * Writes the receipts and the report into a directory: receipts.jsonl, report.json, report.md, report.html.
     *
     * @param directory  the directory, created if needed
     * @return the files and the report
     * @throws IOException if a file cannot be written
     */
    public static Written write(Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Activity> footprintActivities = new ArrayList<>();
        List<Activity> transit = new ArrayList<>();
        List<Activity> payments = new ArrayList<>();
        generate(footprintActivities, transit, payments);
        FootprintEngine engine = FootprintEngine.of(CalculationPolicy.defaults(), BundledFactors.catalog());
        RuleSet shenzhen = BundledRules.ruleSet("cn-sz-low-carbon-public-transit");
        RuleSet ant = BundledRules.ruleSet("cn-alipay-ant-forest");
        CommunityReport report = CommunityReport.of(TITLE, PERIOD);
        Path receipts = directory.resolve("receipts.jsonl");
        try (OutputStream out = Files.newOutputStream(receipts); ReceiptWriter writer = new ReceiptWriter(out)) {
            for (Activity activity : footprintActivities) {
                report.add(writer.write(Receipt.of(engine.score(activity))));
            }
            for (RuleSet ruleSet : List.of(shenzhen, ant)) {
                List<Activity> activities = ruleSet == shenzhen ? transit : payments;
                for (Receipt receipt : Receipt.of(CreditEngine.evaluate(ruleSet, activities), ruleSet, activities)) {
                    report.add(writer.write(receipt));
                }
            }
            report.summing(writer.finish());
        }
        Path json = Files.writeString(directory.resolve("report.json"), report.toJson() + "\n", StandardCharsets.UTF_8);
        Path markdown = Files.writeString(directory.resolve("report.md"), report.toMarkdown(), StandardCharsets.UTF_8);
        Path html = Files.writeString(directory.resolve("report.html"), report.toHtml(), StandardCharsets.UTF_8);
        return new Written(receipts, json, markdown, html, report);
    }

    /** The residents' activities, from a fixed seed, in a fixed order. */
    private static void generate(List<Activity> footprints, List<Activity> transit, List<Activity> payments) {
        Random random = new Random(3777L);
        for (int r = 1; r <= RESIDENTS; r++) {
            String account = String.format(Locale.ROOT, "resident-%03d", r);
            boolean commuter = random.nextInt(10) < 6;
            for (int month = 0; month < 3; month++) {
                LocalDate first = FIRST.plusMonths(month);
                footprints.add(activity(account + "-power-" + month, account, "home.electricity.grid",
                        (120 + random.nextInt(280)) + " kWh", first.plusMonths(1).minusDays(1).atTime(20, 0)).build());
                String[] food = FOODS[random.nextInt(FOODS.length)].split(" ", 2);
                footprints.add(activity(account + "-food-" + month, account, food[0], food[1],
                        first.plusDays(14).atTime(19, 0)).build());
                payments.add(activity(account + "-bill-" + month, account, "payment.utility", "1 count",
                        first.plusDays(random.nextInt(25)).atTime(9, 30))
                        .attribute("amount_cny", Integer.toString(60 + random.nextInt(200)))
                        .attribute("utilityAccountNo", account + "-power").build());
            }
            int trips = commuter ? 30 + random.nextInt(40) : random.nextInt(12);
            for (int t = 0; t < trips; t++) {
                boolean metro = random.nextInt(3) > 0;
                String distance = (metro ? 3 + random.nextInt(25) : 1 + random.nextInt(9)) + "." + random.nextInt(10);
                transit.add(activity(account + "-ride-" + t, account, metro ? "transport.rail.underground"
                        : "transport.bus.electric", distance + " pkm", FIRST.plusDays(random.nextInt(91))
                                .atTime(7 + random.nextInt(12), random.nextInt(60))).build());
            }
            int shopping = 5 + random.nextInt(25);
            for (int p = 0; p < shopping; p++) {
                payments.add(activity(account + "-pay-" + p, account, "payment.offline", "1 count",
                        FIRST.plusDays(random.nextInt(91)).atTime(8 + random.nextInt(13), random.nextInt(60)))
                        .attribute("amount_cny", random.nextInt(10) == 0 ? "0.5" : Integer.toString(2 + random.nextInt(90)))
                        .build());
            }
        }
    }

    private static Activity.Builder activity(String id, String account, String type, String quantity,
            LocalDateTime local) {
        return Activity.builder(id).account(account).type(type).quantity(Quantity.parse(quantity))
                .time(local.atZone(SHENZHEN).toInstant(), SHENZHEN).region(Region.of("CN-GD"));
    }

    /**
     * Writes the community into the directory given (target/community by default) and prints a summary.
     *
     * @param args  the directory, optional
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : "target/community");
        Written written = write(directory);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        CommunityReport report = written.report();
        BigDecimal grams = report.total("reductions_g");
        out.println(TITLE + ", " + PERIOD);
        out.println("members " + report.getMemberCount() + ", receipts " + report.getReceiptCount());
        out.println("reductions " + grams.toPlainString() + " g = " + grams.movePointLeft(6).stripTrailingZeros()
                .toPlainString() + " t CO2e, each gram on a receipt");
        out.println("footprint (home electricity and food) " + report.total("footprint_kg").toPlainString() + " kg CO2e");
        out.println("wrote " + written.receipts() + ", " + written.json() + ", " + written.markdown() + ", "
                + written.html());
    }
}
