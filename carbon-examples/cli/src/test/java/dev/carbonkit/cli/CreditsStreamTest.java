package dev.carbonkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carbonkit.audit.Receipt;
import dev.carbonkit.audit.ReceiptReader;
import dev.carbonkit.calc.Activity;
import dev.carbonkit.credit.CreditEngine;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.factors.BundledRules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code carbon credits} (and {@code report} from activities) groups its input by account, on disk past its buffer,
 * and credits each account on its own: the same awards and receipts as one evaluation of the whole input, and the
 * same bytes whatever the buffer.
 */
class CreditsStreamTest {

    @TempDir
    Path dir;

    @Test
    void creditingPerAccount_onDiskOrNot_givesWhatOneEvaluationGives() throws IOException {
        RuleSet ant = BundledRules.ruleSet("cn-alipay-ant-forest");
        Random random = new Random(20261204L);
        String[] types = {"payment.offline", "payment.offline", "payment.offline", "transport.rail.underground",
            "transport.bus", "payment.utility"};
        StringBuilder csv = new StringBuilder("id,account,type,quantity,unit,region,time,zone,attr.amount_cny,"
                + "attr.payment,attr.utilityAccountNo\n");
        for (int i = 0; i < 3_000; i++) {
            // out of time order, across eight accounts, with daily caps reached and utility bills to deduplicate
            String time = String.format(java.util.Locale.ROOT, "2024-03-%02dT%02d:%02d:00Z", 1 + random.nextInt(5),
                    random.nextInt(24), random.nextInt(60));
            csv.append("a").append(i).append(",r").append(random.nextInt(8)).append(',')
                    .append(types[random.nextInt(types.length)]).append(",1,count,CN,").append(time)
                    .append(",Asia/Shanghai,").append(1 + random.nextInt(20)).append(",alipay,u")
                    .append(random.nextInt(3)).append('\n');
        }
        Path input = dir.resolve("mixed.csv");
        Files.writeString(input, csv);

        Path inMemory = dir.resolve("memory.jsonl");
        CarbonTest.Run memory = CarbonTest.run("", "credits", input.toString(), "--rules", "cn-alipay-ant-forest",
                "--receipts", inMemory.toString());
        Path onDisk = dir.resolve("disk.jsonl");
        CarbonTest.Run disk = CarbonTest.run("", "credits", input.toString(), "--rules", "cn-alipay-ant-forest",
                "--receipts", onDisk.toString(), "--buffer", "97");
        assertThat(memory.code()).isZero();
        assertThat(disk.code()).isZero();
        assertThat(disk.out()).isEqualTo(memory.out());
        assertThat(Files.readAllBytes(onDisk)).isEqualTo(Files.readAllBytes(inMemory));

        // the receipts are those of one evaluation of every activity, account by account
        List<Activity> activities = new ArrayList<>();
        Carbon.forEachRow(input.toString(), row -> activities.add(row.activity()));
        Set<String> batch = new HashSet<>();
        Receipt.of(CreditEngine.evaluate(ant, activities), ant, activities).forEach(receipt -> batch.add(receipt.toJson()));
        Set<String> streamed = new HashSet<>();
        try (InputStream in = Files.newInputStream(onDisk); ReceiptReader reader = new ReceiptReader(in, "disk.jsonl")) {
            reader.forEach(receipt -> streamed.add(receipt.withoutLink().toJson()));
        }
        assertThat(streamed).hasSize(batch.size()).isEqualTo(batch);
        assertThat(memory.out()).contains("CAPPED");

        // a report from the activities is the same whatever its buffer
        CarbonTest.Run report = CarbonTest.run("", "report", input.toString(), "--rules", "cn-alipay-ant-forest",
                "--format", "json");
        CarbonTest.Run reportOnDisk = CarbonTest.run("", "report", input.toString(), "--rules", "cn-alipay-ant-forest",
                "--format", "json", "--buffer", "97");
        assertThat(report.code()).isZero();
        assertThat(reportOnDisk.out()).isEqualTo(report.out()).contains("\"points\"");
    }

    @Test
    void anActivity_roundTripsThroughASortRun() {
        Activity activity = Activity.builder("p\"1").account("bai").type("payment.offline")
                .quantity(dev.carbonkit.quantity.Quantity.parse("12.50 count"))
                .time(java.time.Instant.parse("2024-03-01T02:00:00.5Z"), java.time.ZoneId.of("Asia/Shanghai"))
                .region(dev.carbonkit.factor.Region.of("CN")).factorId("t/x").attribute("amount_cny", "12,5")
                .attribute("note", "a \"quoted\" note").build();
        assertThat(ActivityReader.jsonRow(ActivityReader.jsonLine(activity), "run", 1).activity()).isEqualTo(activity);
    }
}
