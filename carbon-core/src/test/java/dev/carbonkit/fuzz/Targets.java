package dev.carbonkit.fuzz;

import dev.carbonkit.audit.Receipt;
import dev.carbonkit.audit.ReceiptFormatException;
import dev.carbonkit.audit.ReceiptKeys;
import dev.carbonkit.audit.ReceiptReader;
import dev.carbonkit.audit.ReceiptVerifier;
import dev.carbonkit.audit.ReceiptWriter;
import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.credit.CarbonAccounts;
import dev.carbonkit.credit.CreditEngine;
import dev.carbonkit.credit.InMemoryLedgerStore;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.factor.FactorCatalog;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factor.Region;
import dev.carbonkit.io.ActivityTypesLoader;
import dev.carbonkit.io.ConformanceVectorsLoader;
import dev.carbonkit.io.CrosswalkLoader;
import dev.carbonkit.io.FactorTableLoader;
import dev.carbonkit.io.FactorTableWriter;
import dev.carbonkit.io.LoadException;
import dev.carbonkit.io.RuleSetLoader;
import dev.carbonkit.quantity.Quantity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a fuzzed input is given to, shared by the seeded mutation fuzzer ({@link FuzzTest}) and Jazzer
 * ({@link JazzerFuzzTest}): each reader, with what it reads used (a table's digest, its YAML written and read again,
 * its factors scored and explained; a rule set evaluated and every award explained; receipts verified against a
 * table and a rule set, their chain checked), and the exceptions each is documented to throw.
 */
final class Targets {

    /** What one input is given to; throws what it throws. */
    interface Target {
        void run(byte[] input) throws Exception;
    }

    /** The exceptions the YAML readers throw. */
    static final List<Class<? extends Throwable>> LOADS = List.of(LoadException.class);
    /** The exceptions the receipts reader throws: a format error, or bytes that are not UTF-8. */
    static final List<Class<? extends Throwable>> RECEIPTS = List.of(ReceiptFormatException.class,
            CharacterCodingException.class);
    /** The exception the key reader throws. */
    static final List<Class<? extends Throwable>> KEYS = List.of(IllegalArgumentException.class);

    private Targets() {
    }

    /**
     * Tells whether a throwable is one a target is documented to throw, and bounded: no problem quotes a value at
     * length.
     */
    static boolean typed(Throwable thrown, List<Class<? extends Throwable>> allowed) {
        boolean typed = allowed.stream().anyMatch(kind -> kind.isInstance(thrown));
        if (thrown instanceof LoadException load) {
            return typed && load.getProblems().stream().allMatch(problem -> problem.getMessage().length() <= 600);
        }
        return typed && String.valueOf(thrown.getMessage()).length() <= 2_000;
    }

    static void table(byte[] input) throws IOException {
        FactorTable table = FactorTableLoader.standard().load(new ByteArrayInputStream(input), "mutant.yaml");
        table.getDigest();
        String again = FactorTableWriter.standard().write(table);
        if (!FactorTableLoader.standard().parse(again, "again.yaml").getDigest().equals(table.getDigest())) {
            throw new AssertionError("a table written and read again has another digest");
        }
        FootprintEngine engine = FootprintEngine.of(CalculationPolicy.defaults(), FactorCatalog.of(table));
        for (var factor : table.getFactors()) {
            try {
                engine.score(Activity.builder("a").account("x").type(factor.getActivityType())
                        .quantity(Quantity.of(BigDecimal.TEN, factor.getPer()))
                        .time(Instant.parse("2024-06-15T12:00:00Z"), ZoneId.of("UTC")).region(factor.getRegion())
                        .build()).getExplanation();
            } catch (dev.carbonkit.calc.ScoringException notThisOne) {
                // a factor not valid on the day, or a GWP the policy will not stand in for: typed, and fine
            }
        }
    }

    /** Sixteen activities of the kinds the test rule sets are about. */
    private static final List<Activity> ACTIVITIES = activities();

    private static List<Activity> activities() {
        List<Activity> activities = new ArrayList<>();
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        String[][] mix = {{"transport.bus.electric", "12 pkm"}, {"transport.rail.underground", "22 pkm"},
            {"payment.offline", "1 count"}, {"payment.utility", "1 count"}, {"transport.bus", "1 count"},
            {"steps.daily", "12000 count"}, {"steps.walk", "12000 count"}, {"transport.bicycle", "25 min"}};
        for (int i = 0; i < mix.length * 2; i++) {
            Activity.Builder builder = Activity.builder("a" + i).account("bai").type(mix[i % mix.length][0])
                    .quantity(Quantity.parse(mix[i % mix.length][1])).time(Instant.parse("2024-09-22T02:00:00Z")
                            .plusSeconds(3600L * i), shanghai).region(Region.of("CN"));
            Map.of("amount_cny", "12", "city", "CN-GZ", "tripId", "t" + i, "utilityAccountNo", "u1")
                    .forEach(builder::attribute);
            activities.add(builder.build());
        }
        return activities;
    }

    static void rules(byte[] input) throws IOException {
        RuleSet rules = RuleSetLoader.standard().load(new ByteArrayInputStream(input), "mutant.yaml");
        rules.getDigest();
        CreditEngine.evaluate(rules, ACTIVITIES).getAwards().forEach(award -> award.explain());
    }

    static void keys(byte[] input) {
        String pem = new String(input, StandardCharsets.US_ASCII);
        if (pem.contains("PRIVATE")) {
            ReceiptKeys.readPrivateKey(pem, "mutant.pem");
        } else {
            ReceiptKeys.readPublicKey(pem, "mutant.pem");
        }
    }

    static void vectors(byte[] input) throws IOException {
        ConformanceVectorsLoader.standard().load(new ByteArrayInputStream(input), "mutant.yaml");
    }

    static void activityTypes(byte[] input) throws IOException {
        ActivityTypesLoader.standard().load(new ByteArrayInputStream(input), "mutant.yaml").getTypes();
    }

    static void crosswalks(byte[] input) throws IOException {
        CrosswalkLoader.standard().load(new ByteArrayInputStream(input), "mutant.yaml").getMappings();
    }

    static void moneyTables(byte[] input) throws IOException {
        dev.carbonkit.factor.MoneyTable table = dev.carbonkit.io.MoneyTableLoader.standard()
                .load(new ByteArrayInputStream(input), "mutant.yaml");
        table.getDigest();
        // every conversion the table can make, or a typed refusal
        for (String currency : table.getIndices().keySet()) {
            for (Integer year : table.getIndices().get(currency).keySet()) {
                try {
                    dev.carbonkit.factor.MoneyTable.convert(Quantity.of(BigDecimal.TEN,
                            dev.carbonkit.quantity.Unit.ofMoney(currency, year)),
                            dev.carbonkit.quantity.Unit.ofMoney("USD", 2022), List.of(table));
                } catch (dev.carbonkit.factor.MoneyConversionException missing) {
                    // a figure the table does not have: typed, and fine
                }
            }
        }
    }

    static void receipts(byte[] input) throws IOException {
        Receipts setup = Receipts.SETUP;
        try (ReceiptReader reader = new ReceiptReader(new ByteArrayInputStream(input), "mutant.jsonl")) {
            setup.verifier.verifyAll(reader, verification -> verification.toString());
            reader.getChain().toString();
            reader.getChain().isSignedBy(setup.publicKey);
        } catch (UncheckedIOException wrapped) {
            // the reader's iterator wraps a malformed byte (an IOException) so
            if (wrapped.getCause() instanceof CharacterCodingException coding) {
                throw coding;
            }
            throw wrapped;
        }
    }

    /** The seeds of the receipts target: a chained, signed file and an unchained one. */
    static List<byte[]> receiptSeeds() {
        return Receipts.SETUP.seeds;
    }

    static byte[] resource(String name) {
        try (InputStream in = Targets.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException missing) {
            throw new UncheckedIOException(missing);
        }
    }

    /** The table, rule set, key and receipts the receipts target verifies against; made once. */
    private static final class Receipts {
        static final Receipts SETUP = new Receipts();

        final ReceiptVerifier verifier;
        final PublicKey publicKey;
        final List<byte[]> seeds;

        private Receipts() {
            try {
                FactorTable example = FactorTableLoader.standard()
                        .load(Path.of("src/test/resources/tables/valid/example.yaml"));
                FactorCatalog catalog = FactorCatalog.of(example);
                RuleSet rules = RuleSetLoader.standard()
                        .load(Path.of("src/test/resources/rules/valid/worked-examples.yaml"));
                publicKey = ReceiptKeys.readPublicKey(new String(resource("/dev/carbonkit/audit/openssl-ed25519-public.pem"),
                        StandardCharsets.US_ASCII), "openssl-ed25519-public.pem");
                verifier = ReceiptVerifier.of(catalog, List.of(rules));
                seeds = seeds(example, catalog, rules);
            } catch (IOException missing) {
                throw new UncheckedIOException(missing);
            }
        }

        private static List<byte[]> seeds(FactorTable example, FactorCatalog catalog, RuleSet rules) throws IOException {
            FootprintEngine engine = FootprintEngine.of(CalculationPolicy.defaults(), catalog);
            List<Receipt> receipts = new ArrayList<>();
            for (var factor : example.getFactors()) {
                receipts.add(Receipt.of(engine.score(Activity.builder("f" + receipts.size()).account("alice")
                        .type(factor.getActivityType()).quantity(Quantity.of(new BigDecimal("12.5"), factor.getPer()))
                        .time(Instant.parse("2024-05-01T08:30:00Z"), ZoneId.of("Europe/London"))
                        .region(factor.getRegion()).build()), engine.getPolicy()));
            }
            List<Activity> payments = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                payments.add(Activity.builder("p" + i).account("bai").type("payment.offline")
                        .quantity(Quantity.parse("1 count"))
                        .time(Instant.parse("2024-03-01T02:00:00Z").plusSeconds(600L * i), ZoneId.of("Asia/Shanghai"))
                        .region(Region.of("CN")).attribute("amount_cny", "12").build());
            }
            receipts.addAll(Receipt.of(CreditEngine.evaluate(rules, payments), rules, payments));
            // an account's ledger too: awards, a reversal with its reason, points lost
            CarbonAccounts accounts = new CarbonAccounts(rules, new InMemoryLedgerStore());
            payments.forEach(accounts::award);
            accounts.reverse("bai", "p1", "refund R-1");
            receipts.addAll(Receipt.ofLedger(accounts, "bai", Instant.parse("2024-03-20T00:00:00Z")));
            // a chained file whose end line is signed, with the published test key (deterministic, as Ed25519 is)
            PrivateKey key = ReceiptKeys.readPrivateKey(new String(resource(
                    "/dev/carbonkit/audit/openssl-ed25519-private.pem"), StandardCharsets.US_ASCII),
                    "openssl-ed25519-private.pem");
            ByteArrayOutputStream chained = new ByteArrayOutputStream();
            try (ReceiptWriter writer = new ReceiptWriter(chained)) {
                writer.writeAll(receipts);
                writer.finish(key);
            }
            StringBuilder unchained = new StringBuilder();
            receipts.forEach(receipt -> unchained.append(receipt.toJson()).append('\n'));
            return List.of(chained.toByteArray(), unchained.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
