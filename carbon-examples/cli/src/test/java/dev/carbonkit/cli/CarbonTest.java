package dev.carbonkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carbonkit.audit.Receipt;
import dev.carbonkit.calc.Activity;
import dev.carbonkit.credit.CarbonAccounts;
import dev.carbonkit.credit.InMemoryLedgerStore;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factors.BundledRules;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.audit.ReceiptKeys;
import dev.carbonkit.audit.ReceiptReader;
import dev.carbonkit.audit.ReceiptWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command on sample files, against golden files of its exit code, standard output and standard error
 * (src/test/resources/cli/golden). After a deliberate change of output, rerun with -Dcarbon.golden.update=true
 * and review the diff.
 */
class CarbonTest {

    private static final String R = "src/test/resources/cli/";
    private static final Path GOLDEN = Path.of(R + "golden");

    /** One run: exit code, standard output, standard error. */
    record Run(int code, String out, String err) {
        String transcript(String command) {
            return "$ carbon " + command + "\nexit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Run run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        int code = Carbon.run(args, in, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static Stream<Arguments> commands() {
        Map<String, String> commands = new LinkedHashMap<>();
        commands.put("score-table", "score " + R + "week.csv");
        commands.put("score-csv", "score " + R + "week.csv --format csv");
        commands.put("score-jsonl", "score " + R + "week.jsonl --format jsonl");
        commands.put("score-explain", "score " + R + "week.jsonl --explain");
        commands.put("score-strict", "score " + R + "week.csv --strict --keep-going");
        commands.put("score-gwp", "score " + R + "week.jsonl --gwp AR6 --format csv");
        commands.put("score-bad-row", "score " + R + "bad.csv");
        commands.put("score-keep-going", "score " + R + "bad.csv --keep-going");
        commands.put("score-missing-column", "score " + R + "missing-column.csv");
        commands.put("score-no-file", "score " + R + "nothing.csv");
        commands.put("score-unknown-table", "score " + R + "week.csv --tables " + R + "no-such-table.yaml");
        commands.put("score-pin-mismatch", "score " + R + "week.csv --pin desnz-2024=sha256:0000");
        commands.put("score-pin-unknown", "score " + R + "week.csv --pin desnz-1999=sha256:0000");
        commands.put("score-bad-format", "score " + R + "week.csv --format xml");
        commands.put("credits-shenzhen", "credits " + R + "shenzhen.csv --rules cn-sz-low-carbon-public-transit");
        commands.put("credits-ant-explain", "credits " + R + "shenzhen.csv --rules cn-alipay-ant-forest --explain");
        commands.put("credits-unknown-rules", "credits " + R + "shenzhen.csv --rules cn-nowhere");
        commands.put("score-json", "score " + R + "week.jsonl --format json");
        commands.put("verify", "verify " + R + "week.receipts.jsonl");
        commands.put("verify-tampered", "verify " + R + "tampered.receipts.jsonl");
        commands.put("report-receipts-json", "report " + R + "week.receipts.jsonl --format json --title Alice");
        // a chained file (score --receipts), and each way of tampering with one
        commands.put("verify-chained", "verify " + R + "week.chained.jsonl");
        commands.put("verify-chained-head", "verify " + R + "week.chained.jsonl --head"
                + " sha256:831919f1d8bfa24805f9cd3d670446f7927abb7abd35d3d61eb4d904c24841ba");
        commands.put("verify-other-head", "verify " + R + "week.chained.jsonl --head"
                + " sha256:0000000000000000000000000000000000000000000000000000000000000000");
        commands.put("verify-duplicated", "verify " + R + "tampered-duplicated.jsonl");
        commands.put("verify-dropped", "verify " + R + "tampered-dropped.jsonl");
        commands.put("verify-swapped", "verify " + R + "tampered-swapped.jsonl");
        commands.put("verify-time", "verify " + R + "tampered-time.jsonl");
        commands.put("verify-account", "verify " + R + "tampered-account.jsonl");
        commands.put("verify-truncated", "verify " + R + "tampered-truncated.jsonl");
        commands.put("verify-empty", "verify " + R + "empty.receipts.jsonl");
        // a signed file (score --receipts --sign-with), checked with the operator's public key, another's, or none
        commands.put("verify-signed", "verify " + R + "week.signed.jsonl --public-key " + R + "operator-public.pem");
        commands.put("verify-signed-other-key", "verify " + R + "week.signed.jsonl --public-key " + R + "other-public.pem");
        commands.put("verify-unsigned", "verify " + R + "week.chained.jsonl --public-key " + R + "operator-public.pem");
        commands.put("verify-signed-edited", "verify " + R + "tampered-signed.jsonl --public-key " + R
                + "operator-public.pem");
        commands.put("verify-bad-key", "verify " + R + "week.signed.jsonl --public-key " + R + "operator-private.pem");
        // an account's ledger (awards, a reversal, a claim, points lost), and its reversal's reason edited
        commands.put("verify-ledger", "verify " + R + "ledger.chained.jsonl --rules cn-alipay-ant-forest");
        commands.put("verify-ledger-reason", "verify " + R + "tampered-ledger.jsonl --rules cn-alipay-ant-forest");
        commands.put("report-duplicated", "report " + R + "tampered-duplicated.jsonl");
        commands.put("report-truncated", "report " + R + "tampered-truncated.jsonl");
        commands.put("report-chained", "report " + R + "week.chained.jsonl --format json --title Alice");
        commands.put("report-activities", "report " + R + "shenzhen.csv --rules cn-sz-low-carbon-public-transit,"
                + "cn-alipay-ant-forest --title Bai --period 2024-03");
        commands.put("tables", "tables");
        commands.put("factors-list", "factors list transport.rail.underground");
        commands.put("factors-show", "factors show desnz-2024/25_315_3150_11");
        commands.put("factors-show-json", "factors show poore-nemecek-2018/rice --format json");
        commands.put("factors-search", "factors search rail");
        commands.put("factors-unknown", "factors list transport.teleport");
        // what a newcomer meets (issue #19): hints for regions, units and types, own tables beside bundled ones,
        // rounding for display, the rule sets and units listed, awards as CSV or JSON Lines
        commands.put("score-newcomer", "score " + R + "newcomer.csv --keep-going");
        commands.put("score-own-table", "score " + R + "week.csv --tables " + R + "acme.yaml,bundled");
        commands.put("score-own-and-one", "score " + R + "week.csv --tables " + R + "acme.yaml,desnz-2024 --keep-going");
        commands.put("score-strict-stops", "score " + R + "week.csv --strict");
        commands.put("score-round", "score " + R + "week.jsonl --gwp AR6 --round 3");
        commands.put("score-round-csv", "score " + R + "week.jsonl --gwp AR6 --round 3 --format csv");
        commands.put("credits-csv", "credits " + R + "shenzhen.csv --rules cn-sz-low-carbon-public-transit --format csv");
        commands.put("credits-jsonl", "credits " + R + "shenzhen.csv --rules cn-alipay-ant-forest --format jsonl");
        commands.put("rules-list", "rules list");
        commands.put("rules-show", "rules show cn-wuhan-wutan-jianghu");
        commands.put("rules-show-unknown", "rules show cn-nowhere");
        commands.put("units", "units");
        commands.put("factors-list-gases", "factors list home.electricity.grid --tables cn-electricity");
        commands.put("factors-list-json", "factors list transport.rail.underground --format json");
        commands.put("factors-search-none", "factors search zzz");
        commands.put("report-activities-md", "report " + R + "shenzhen.csv --rules cn-sz-low-carbon-public-transit"
                + " --title Bai --period 2024-03 --format md");
        // spend (issue #21): US purchases in 2022 dollars, with and without margins, and under AR6
        commands.put("score-spend", "score " + R + "spend.csv");
        commands.put("score-spend-ar6", "score " + R + "spend.csv --gwp AR6");
        commands.put("score-spend-abroad", "score " + R + "spend-abroad.csv --keep-going");
        commands.put("score-spend-proxy", "score " + R + "spend-abroad.csv --proxy spend=US");
        commands.put("score-spend-2024", "score " + R + "spend-2024.csv --keep-going");
        commands.put("score-spend-money", "score " + R + "spend-2024.csv --proxy spend=US --money-table " + R
                + "test-prices.yaml");
        commands.put("factors-show-spend", "factors show epa-supply-chain-v1.3/315220/without-margins");
        commands.put("no-command", "");
        List<Arguments> arguments = new ArrayList<>();
        commands.forEach((name, command) -> arguments.add(Arguments.of(name, command)));
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void commandsMatchTheirGoldenFiles(String name, String command) throws IOException {
        String transcript = run("", command.isEmpty() ? new String[0] : command.split(" ")).transcript(command);
        Path golden = GOLDEN.resolve(name + ".txt");
        if (Boolean.getBoolean("carbon.golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, transcript);
        }
        assertThat(transcript).isEqualTo(Files.readString(golden));
    }

    /** docs/cli.md shows real output: each block of one command is that command's golden output. */
    @Test
    void theDocShowsRealOutput() throws IOException {
        // the command's page, and the spend-based page's worked example
        String doc = Files.readString(Path.of("../../docs/cli.md")) + Files.readString(Path.of("../../docs/spend-based.md"));
        Map<String, String[]> goldens = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(GOLDEN)) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                String command = text.substring(2, text.indexOf('\n')).replace(R, "carbon-examples/cli/" + R);
                String[] parts = text.split("--- stdout\n", 2)[1].split("--- stderr\n", 2);
                goldens.put(command, new String[] {parts[0].replace(R, "carbon-examples/cli/" + R),
                    parts[1].replace(R, "carbon-examples/cli/" + R)});
            }
        }
        int checked = 0;
        for (int start = doc.indexOf("```text\n$ "); start >= 0; start = doc.indexOf("```text\n$ ", start)) {
            start += 8;
            String block = doc.substring(start, doc.indexOf("```", start));
            String command = block.substring(2, block.indexOf('\n'));
            String body = block.substring(block.indexOf('\n') + 1);
            if (body.contains("\n$ ") || body.startsWith("$ ")) {
                continue;
            }
            String[] golden = goldens.get(command);
            assertThat(golden).as(command).isNotNull();
            assertThat(body).as(command).isIn(golden[0], golden[1]);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(8);
    }

    @Test
    void score_readsStandardInput() {
        Run run = run("id,account,type,quantity,unit,region,time\n"
                + "a,alice,home.electricity.grid,3.2,kWh,GB,2024-06-01T09:00:00Z\n", "score", "-", "--format", "csv");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("a,0.66256,desnz-2024/7_400_4000_5,desnz-2024,sha256:");
    }

    /** The public golden cases, through the bundled tables, via the CLI. */
    @Test
    void score_reproducesTheGoldenCases() {
        Run run = run("", "score", R + "golden-cases.csv", "--format", "csv");
        assertThat(run.code()).isZero();
        Map<String, String> expected = Map.ofEntries(Map.entry("case-1", "3.17676"), Map.entry("case-3", "4.246"),
                Map.entry("case-4", "5.0428"), Map.entry("case-7", "5.4879"), Map.entry("case-8", "0.92191"),
                Map.entry("case-11", "0.3336"), Map.entry("case-12", "0.143"), Map.entry("case-19", "0.66256"),
                Map.entry("case-22", "182.9"), Map.entry("case-24", "245.4504"), Map.entry("case-26", "1.913875"),
                Map.entry("case-49", "39.792"), Map.entry("case-50", "5.97"), Map.entry("case-51", "6.675"),
                Map.entry("case-52", "1.264"), Map.entry("case-54", "7.4025"));
        Map<String, String> actual = new LinkedHashMap<>();
        run.out().lines().skip(1).forEach(line -> actual.put(line.split(",")[0], line.split(",")[1]));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void spendReceipts_withMoneyTables_verifyReport_andNameTheTable(@TempDir Path directory) {
        Path receipts = directory.resolve("spend.jsonl");
        String prices = R + "test-prices.yaml";
        assertThat(run("", "score", R + "spend-2024.csv", "--proxy", "spend=US", "--money-table", prices, "--receipts",
                receipts.toString()).code()).isZero();
        assertThat(run("", "verify", receipts.toString(), "--money-table", prices).out())
                .startsWith("2 of 2 receipts reproduced\n");
        Run without = run("", "verify", receipts.toString());
        assertThat(without.code()).isEqualTo(1);
        assertThat(without.out()).contains("MISSING_TABLE; the receipt names money table 'test-prices' sha256:");
        // the report names the money table among its sources
        Run report = run("", "report", receipts.toString(), "--title", "Erin");
        assertThat(report.code()).isZero();
        assertThat(report.out()).contains("| money table test-prices | `sha256:")
                .contains("| `footprint_kg.spend` | 15.255555555555555555555555555555556 | kg CO2e | 2 |");
    }

    @Test
    void receipts_verify_andATamperedOneFails(@TempDir Path directory) throws IOException {
        Path receipts = directory.resolve("r.jsonl");
        assertThat(run("", "score", R + "week.csv", "--receipts", receipts.toString()).code()).isZero();
        Path awards = directory.resolve("a.jsonl");
        assertThat(run("", "credits", R + "shenzhen.csv", "--rules", "cn-alipay-ant-forest", "--receipts",
                awards.toString()).code()).isZero();
        Run verified = run("", "verify", receipts.toString(), awards.toString());
        assertThat(verified.code()).isZero();
        assertThat(verified.out()).startsWith("8 of 8 receipts reproduced\n" + receipts + ": chain intact: 4 receipts,"
                + " head sha256:").contains("\n" + awards + ": chain intact: 4 receipts, head sha256:");
        // one file after the other is not one chain
        Path both = directory.resolve("both.jsonl");
        Files.writeString(both, Files.readString(receipts) + Files.readString(awards));
        Run joined = run("", "verify", both.toString());
        assertThat(joined.code()).isEqualTo(1);
        assertThat(joined.out()).contains("line 6: MIXED: a receipt after the end line at line 5\n");
        String text = Files.readString(receipts);
        Files.writeString(receipts, text.replaceFirst("\"co2e_kg\":\"3.309125\"", "\"co2e_kg\":\"3.309126\""));
        Run tampered = run("", "verify", receipts.toString());
        assertThat(tampered.code()).isEqualTo(1);
        assertThat(tampered.out()).isEqualTo("line 1: commute-1 (alice, FOOTPRINT): MISMATCH; result.co2e_kg: receipt 3.309126,"
                + " replay 3.309125\nline 1: CHANGED: line 1's bytes are not those line 2 links to (it was changed after it"
                + " was chained)\n3 of 4 receipts reproduced, 1 MISMATCH\nchain broken: 1 problem\n");
        Files.writeString(receipts, "not json\n");
        Run broken = run("", "verify", receipts.toString());
        assertThat(broken.code()).isEqualTo(3);
        assertThat(broken.err()).startsWith("carbon: " + receipts + ":1:");
        Run report = run("", "report", awards.toString(), "--title", "Bai", "--format", "json");
        assertThat(report.code()).isZero();
        assertThat(report.out()).contains("\"title\":\"Bai\"").contains("\"reductions_g\":{\"filter\":\"kind = award\"");
    }

    /** Writes a resource, if the goldens are being updated, and checks that it holds what was made. */
    private static void resource(String name, String made) throws IOException {
        Path file = Path.of(R + name);
        if (Boolean.getBoolean("carbon.golden.update")) {
            Files.writeString(file, made);
        }
        assertThat(made).isEqualTo(Files.readString(file));
    }

    /** The signed files the goldens verify are what score writes with the operator's key. */
    @Test
    void theSignedFile_isWhatScoreWrites(@TempDir Path directory) throws IOException {
        Path receipts = directory.resolve("signed.jsonl");
        Run signed = run("", "score", R + "week.csv", "--receipts", receipts.toString(), "--sign-with",
                R + "operator-private.pem");
        assertThat(signed.code()).isZero();
        assertThat(signed.err()).matches("carbon: 4 receipts written to .*signed.jsonl, head sha256:[0-9a-f]{64}, signed\n");
        String text = Files.readString(receipts);
        resource("week.signed.jsonl", text);
        // a receipt's time moved by a second, and the file chained again and signed by someone without the key
        ByteArrayOutputStream forged = new ByteArrayOutputStream();
        try (ReceiptReader reader = new ReceiptReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                "signed"); ReceiptWriter writer = new ReceiptWriter(forged)) {
            for (Receipt receipt : reader) {
                String own = receipt.withoutLink().toJson();
                writer.write(Receipt.parse(own.replace("\"time\":\"2024-05-01T08:30:00Z\"",
                        "\"time\":\"2024-05-01T08:30:01Z\"")));
            }
            writer.finish(ReceiptKeys.readPrivateKey(Files.readString(Path.of(R + "other-private.pem")), "other"));
        }
        assertThat(forged.toString(StandardCharsets.UTF_8)).contains("\"time\":\"2024-05-01T08:30:01Z\"");
        resource("tampered-signed.jsonl", forged.toString(StandardCharsets.UTF_8));
    }

    /**
     * The ledger files the goldens verify are what an account's ledger gives: Bai's payments and a metro ride under Ant
     * Forest, a payment refunded, points claimed, and the rest lost unclaimed by 10 March.
     */
    @Test
    void theLedgerFile_isWhatTheAccountsWrite() throws IOException {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        CarbonAccounts accounts = new CarbonAccounts(BundledRules.ruleSet("cn-alipay-ant-forest"), new InMemoryLedgerStore());
        for (String[] activity : new String[][] {{"pay-1", "payment.offline", "2024-03-01T02:00:00Z"},
                {"pay-2", "payment.offline", "2024-03-01T04:00:00Z"}, {"metro-1", "transport.rail.underground",
                "2024-03-01T09:30:00Z"}}) {
            accounts.award(Activity.builder(activity[0]).account("bai").type(activity[1]).quantity(Quantity.parse("1 count"))
                    .time(Instant.parse(activity[2]), shanghai).region(Region.of("CN")).attribute("amount_cny", "12")
                    .attribute("payment", "alipay").build());
        }
        accounts.reverse("bai", "pay-2", "refund R-7");
        accounts.claim("bai", "cn-alipay-ant-forest:pay-1:ant-offline-payment:points", Instant.parse("2024-03-03T01:00:00Z"));
        ByteArrayOutputStream ledger = new ByteArrayOutputStream();
        try (ReceiptWriter writer = new ReceiptWriter(ledger)) {
            writer.writeAll(Receipt.ofLedger(accounts, "bai", Instant.parse("2024-03-10T00:00:00Z")));
            writer.finish();
        }
        String text = ledger.toString(StandardCharsets.UTF_8);
        resource("ledger.chained.jsonl", text);
        assertThat(text).contains("\"reason\":\"refund R-7\"");
        resource("tampered-ledger.jsonl", text.replace("\"reason\":\"refund R-7\"", "\"reason\":\"duplicate payment\""));
    }

    @Test
    void keys_areMadeOnce_andABadKeyIsRefused(@TempDir Path directory) throws IOException {
        Path key = directory.resolve("k.pem");
        Path pub = directory.resolve("k.pub.pem");
        Run made = run("", "keys", "--private-key", key.toString(), "--public-key", pub.toString());
        assertThat(made.code()).isZero();
        assertThat(made.err()).isEqualTo("carbon: Ed25519 private key written to " + key + " (keep it secret), public key"
                + " to " + pub + "\n");
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        Run again = run("", "keys", "--private-key", key.toString(), "--public-key", directory.resolve("new.pem").toString());
        assertThat(again.code()).isEqualTo(3);
        assertThat(again.err()).isEqualTo("carbon: " + key + " exists already; a key is never overwritten\n");
        Path receipts = directory.resolve("r.jsonl");
        assertThat(run("", "score", R + "week.csv", "--receipts", receipts.toString(), "--sign-with", key.toString())
                .code()).isZero();
        Run checked = run("", "verify", receipts.toString(), "--public-key", pub.toString());
        assertThat(checked.code()).isZero();
        assertThat(checked.out()).endsWith("signature verified: signed with the private key of " + pub + "\n");
        Run wrong = run("", "score", R + "week.csv", "--receipts", receipts.toString(), "--sign-with", pub.toString());
        assertThat(wrong.code()).isEqualTo(3);
        assertThat(wrong.err()).isEqualTo("carbon: " + pub + ": no -----BEGIN PRIVATE KEY----- ... -----END PRIVATE KEY-----"
                + " block; an Ed25519 private key is written so by 'carbon keys' or OpenSSL\n");
        Path huge = directory.resolve("huge.pem");
        Files.write(huge, new byte[1 << 20]);
        Run oversized = run("", "verify", receipts.toString(), "--public-key", huge.toString());
        assertThat(oversized.code()).isEqualTo(3);
        assertThat(oversized.err()).isEqualTo("carbon: " + huge + ": more than 16384 bytes; not a PEM key\n");
        Run unsaid = run("", "score", R + "week.csv", "--sign-with", key.toString());
        assertThat(unsaid.code()).isEqualTo(3);
        assertThat(unsaid.err()).isEqualTo("carbon: --sign-with signs a receipts file; give one with --receipts\n");
    }

    @Test
    void progress_onlyInATerminal_andOnlyForLargeInputs() {
        StringWriter shown = new StringWriter();
        Carbon.Progress bar = new Carbon.Progress(new PrintWriter(shown), 50_000, true);
        for (int i = 0; i < 50_000; i++) {
            bar.step();
        }
        bar.done();
        assertThat(shown.toString()).contains("\r[#####               ] 25% ").endsWith("\r[####################] 100% \n");
        StringWriter quiet = new StringWriter();
        Carbon.Progress notTerminal = new Carbon.Progress(new PrintWriter(quiet), 50_000, false);
        Carbon.Progress small = new Carbon.Progress(new PrintWriter(quiet), 49_999, true);
        for (int i = 0; i < 49_999; i++) {
            notTerminal.step();
            small.step();
        }
        notTerminal.done();
        small.done();
        assertThat(quiet.toString()).isEmpty();
    }

    @Test
    void noArguments_printsUsage_andUnknownOptionsAreUsageErrors() {
        Run none = run("");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).startsWith("carbon: a command is needed\nUsage: carbon");
        Run unknown = run("", "score", "--colour", "x.csv");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("Unknown option: '--colour'");
        assertThat(run("", "--version").out()).startsWith("carbonkit ");
    }
}
