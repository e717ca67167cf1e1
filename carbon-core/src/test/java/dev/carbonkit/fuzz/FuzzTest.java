package dev.carbonkit.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carbonkit.audit.Receipt;
import dev.carbonkit.audit.ReceiptFormatException;
import dev.carbonkit.audit.ReceiptReader;
import dev.carbonkit.audit.ReceiptVerifier;
import dev.carbonkit.audit.ReceiptWriter;
import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.credit.CreditEngine;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.factor.FactorCatalog;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factor.Region;
import dev.carbonkit.io.ConformanceVectorsLoader;
import dev.carbonkit.io.FactorTableLoader;
import dev.carbonkit.io.FactorTableWriter;
import dev.carbonkit.io.LoadException;
import dev.carbonkit.io.RuleSetLoader;
import dev.carbonkit.quantity.Quantity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The seeded mutation fuzzer (docs/reliability.md): mutants of the test corpus's tables, rule sets, vectors and
 * receipts files, each given to its reader, and what it reads used (a table's digest and its YAML written again, a
 * rule set evaluated, receipts verified). Any exception other than the reader's documented typed ones fails, and the
 * mutant is written to target/fuzz-failures. {@code mvn verify} runs a short run ({@value #SHORT} mutants per reader);
 * {@code -Dcarbon.fuzz.mutants=N} runs N, and {@code -Dcarbon.fuzz.from=K} starts at mutant K.
 */
class FuzzTest {

    static final int SHORT = 2_000;
    private static final int MAX_LENGTH = 256 * 1024;

    private static final long MUTANTS = Long.getLong("carbon.fuzz.mutants", SHORT);
    private static final long FROM = Long.getLong("carbon.fuzz.from", 0);

    private static final java.security.PublicKey PUBLIC;

    static {
        try (java.io.InputStream in = FuzzTest.class.getResourceAsStream("/dev/carbonkit/audit/openssl-ed25519-public.pem")) {
            PUBLIC = dev.carbonkit.audit.ReceiptKeys.readPublicKey(new String(in.readAllBytes(),
                    java.nio.charset.StandardCharsets.US_ASCII), "openssl-ed25519-public.pem");
        } catch (IOException missing) {
            throw new UncheckedIOException(missing);
        }
    }

    /** What one mutant is given to; throws what it throws. */
    private interface Target {
        void run(byte[] input) throws Exception;
    }

    private static List<byte[]> seeds(String... directories) throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (String directory : directories) {
            try (Stream<Path> files = Files.list(Path.of(directory))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                    seeds.add(Files.readAllBytes(file));
                }
            }
        }
        return seeds;
    }

    /**
     * The valid seeds as often as the invalid ones together (most mutants of a valid file are still read some way in),
     * and the invalid ones once each.
     */
    private static List<byte[]> weighted(String valid, String invalid) throws IOException {
        List<byte[]> good = seeds(valid);
        List<byte[]> bad = seeds(invalid);
        List<byte[]> seeds = new ArrayList<>(bad);
        for (int i = 0; i < Math.max(1, bad.size() / good.size()); i++) {
            seeds.addAll(good);
        }
        return seeds;
    }

    /**
     * Runs the mutants through a target; a throwable that is not one of the allowed kinds is a failure, saved.
     */
    @SafeVarargs
    private static void fuzz(String name, List<byte[]> seeds, Target target, Class<? extends Throwable>... allowed)
            throws IOException {
        Mutator mutator = new Mutator(seeds, MAX_LENGTH);
        List<String> failures = new ArrayList<>();
        long accepted = 0;
        long refused = 0;
        long start = System.nanoTime();
        for (long n = FROM; n < FROM + MUTANTS && failures.size() < 5; n++) {
            byte[] mutant = mutator.mutant(n);
            try {
                target.run(mutant);
                accepted++;
            } catch (Throwable thrown) {
                refused++;
                boolean typed = false;
                for (Class<? extends Throwable> kind : allowed) {
                    typed |= kind.isInstance(thrown);
                }
                // and bounded: no problem quotes a value at length
                if (thrown instanceof LoadException load) {
                    typed &= load.getProblems().stream().allMatch(problem -> problem.getMessage().length() <= 600);
                } else {
                    typed &= String.valueOf(thrown.getMessage()).length() <= 2_000;
                }
                if (!typed) {
                    Path saved = Path.of("target", "fuzz-failures", name + "-" + n + ".bin");
                    Files.createDirectories(saved.getParent());
                    Files.write(saved, mutant);
                    java.io.StringWriter trace = new java.io.StringWriter();
                    thrown.printStackTrace(new java.io.PrintWriter(trace));
                    failures.add(name + " mutant " + n + " (" + saved + "): " + trace.toString().lines().limit(8)
                            .reduce((a, b) -> a + "\n  " + b).orElse(""));
                }
            }
        }
        System.out.printf(java.util.Locale.ROOT, "fuzz %s: mutants %d to %d: %d read in full, %d refused with a typed"
                + " error, %d failures, %.1f s%n", name, FROM, FROM + MUTANTS - 1, accepted, refused - failures.size(),
                failures.size(), (System.nanoTime() - start) / 1e9);
        assertThat(failures).as(name + ": mutants " + FROM + " to " + (FROM + MUTANTS - 1)).isEmpty();
        // a harness whose every mutant is refused at the door would test nothing past it
        assertThat(accepted).as(name + ": mutants read in full").isPositive();
    }

    //-----------------------------------------------------------------------
    @Test
    void tables() throws IOException {
        fuzz("table", weighted("src/test/resources/tables/valid", "src/test/resources/tables/invalid"), input -> {
            FactorTable table = FactorTableLoader.standard().load(new ByteArrayInputStream(input), "mutant.yaml");
            table.getDigest();
            String again = FactorTableWriter.standard().write(table);
            assertThat(FactorTableLoader.standard().parse(again, "again.yaml").getDigest()).isEqualTo(table.getDigest());
            FootprintEngine engine = FootprintEngine.of(CalculationPolicy.defaults(), FactorCatalog.of(table));
            for (var factor : table.getFactors()) {
                try {
                    engine.score(Activity.builder("a").account("x").type(factor.getActivityType())
                            .quantity(Quantity.of(java.math.BigDecimal.TEN, factor.getPer()))
                            .time(Instant.parse("2024-06-15T12:00:00Z"), ZoneId.of("UTC")).region(factor.getRegion())
                            .build()).getExplanation();
                } catch (dev.carbonkit.calc.ScoringException notThisOne) {
                    // a factor not valid on the day, or a GWP the policy will not stand in for: typed, and fine
                }
            }
        }, LoadException.class);
    }

    @Test
    void ruleSets() throws IOException {
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
        fuzz("rules", weighted("src/test/resources/rules/valid", "src/test/resources/rules/invalid"), input -> {
            RuleSet rules = RuleSetLoader.standard().load(new ByteArrayInputStream(input), "mutant.yaml");
            rules.getDigest();
            CreditEngine.evaluate(rules, activities).awards().forEach(award -> award.explain());
        }, LoadException.class);
    }

    /** PEM keys: a mutant is a key or an IllegalArgumentException naming its source. */
    @Test
    void keys() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (String name : List.of("openssl-ed25519-private.pem", "openssl-ed25519-public.pem")) {
            try (java.io.InputStream in = FuzzTest.class.getResourceAsStream("/dev/carbonkit/audit/" + name)) {
                seeds.add(in.readAllBytes());
            }
        }
        fuzz("keys", seeds, input -> {
            String pem = new String(input, java.nio.charset.StandardCharsets.US_ASCII);
            if (pem.contains("PRIVATE")) {
                dev.carbonkit.audit.ReceiptKeys.readPrivateKey(pem, "mutant.pem");
            } else {
                dev.carbonkit.audit.ReceiptKeys.readPublicKey(pem, "mutant.pem");
            }
        }, IllegalArgumentException.class);
    }

    @Test
    void vectors() throws IOException {
        byte[] seed = ("format: carbonkit-vectors/1\ntable: t\ncases:\n  - name: car\n    activity: transport.car\n"
                + "    quantity: 10 km\n    region: GB\n    date: 2024-06-15\n"
                + "    expect: {co2e: 1.7, gases: {CO2: 1.6}, scale: 2}\n  - name: car by id\n    activity: transport.car\n"
                + "    quantity: 2.5 mi\n    region: GB-LND\n    date: 2024-06-15\n    factor: t/car\n    gwp: AR6\n"
                + "    expect: {co2e: 0.5, fallbacks: [REGION]}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        fuzz("vectors", List.of(seed), input -> ConformanceVectorsLoader.standard()
                .load(new ByteArrayInputStream(input), "mutant.yaml"), LoadException.class);
    }

    @Test
    void activityTypes() throws IOException {
        byte[] seed = ("format: carbonkit-activity-types/1\ntypes:\n  - type: action.clean_plate\n"
                + "    meaning: a meal finished with nothing left on the plate\n"
                + "  - {type: payment.offline, meaning: a payment made with a phone}\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        fuzz("types", List.of(seed), input -> dev.carbonkit.io.ActivityTypesLoader.standard()
                .load(new ByteArrayInputStream(input), "mutant.yaml").getTypes(), LoadException.class);
    }

    @Test
    void crosswalks() throws IOException {
        byte[] seed = ("format: carbonkit-crosswalk/1\ncrosswalk: shop\nfrom: COICOP 2018\nsource: ours\n"
                + "status: \"ILLUSTRATIVE: ours\"\nmappings:\n  - {code: \"03.1.2\", label: Garments, type:"
                + " spend.naics.315220}\n  - {code: \"11.1.1\", label: Restaurants, type: spend.naics.722511, source: x,"
                + " status: SOURCED}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        fuzz("crosswalks", List.of(seed), input -> dev.carbonkit.io.CrosswalkLoader.standard()
                .load(new ByteArrayInputStream(input), "mutant.yaml").getMappings(), LoadException.class);
    }

    @Test
    void receipts() throws IOException {
        FactorTable desnz = FactorTableLoader.standard().load(Path.of("src/test/resources/tables/valid/example.yaml"));
        FactorCatalog catalog = FactorCatalog.of(desnz);
        RuleSet rules = RuleSetLoader.standard().load(Path.of("src/test/resources/rules/valid/worked-examples.yaml"));
        FootprintEngine engine = FootprintEngine.of(CalculationPolicy.defaults(), catalog);
        List<Receipt> receipts = new ArrayList<>();
        for (var factor : desnz.getFactors()) {
            receipts.add(Receipt.of(engine.score(Activity.builder("f" + receipts.size()).account("alice")
                    .type(factor.getActivityType()).quantity(Quantity.of(new java.math.BigDecimal("12.5"), factor.getPer()))
                    .time(Instant.parse("2024-05-01T08:30:00Z"), ZoneId.of("Europe/London")).region(factor.getRegion())
                    .build()), engine.getPolicy()));
        }
        List<Activity> payments = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            payments.add(Activity.builder("p" + i).account("bai").type("payment.offline").quantity(Quantity.parse("1 count"))
                    .time(Instant.parse("2024-03-01T02:00:00Z").plusSeconds(600L * i), ZoneId.of("Asia/Shanghai"))
                    .region(Region.of("CN")).attribute("amount_cny", "12").build());
        }
        receipts.addAll(Receipt.of(CreditEngine.evaluate(rules, payments), rules, payments));
        // an account's ledger too: awards, a reversal with its reason, points lost
        dev.carbonkit.credit.CarbonAccounts accounts = new dev.carbonkit.credit.CarbonAccounts(rules,
                new dev.carbonkit.credit.InMemoryLedgerStore());
        payments.forEach(accounts::award);
        accounts.reverse("bai", "p1", "refund R-1");
        receipts.addAll(Receipt.ofLedger(accounts, "bai", Instant.parse("2024-03-20T00:00:00Z")));
        // a chained file whose end line is signed, with the published test key (deterministic, as Ed25519 is)
        java.security.PrivateKey key = dev.carbonkit.audit.ReceiptKeys.readPrivateKey(new String(
                FuzzTest.class.getResourceAsStream("/dev/carbonkit/audit/openssl-ed25519-private.pem").readAllBytes(),
                java.nio.charset.StandardCharsets.US_ASCII), "openssl-ed25519-private.pem");
        ByteArrayOutputStream chained = new ByteArrayOutputStream();
        try (ReceiptWriter writer = new ReceiptWriter(chained)) {
            writer.writeAll(receipts);
            writer.finish(key);
        }
        StringBuilder unchained = new StringBuilder();
        receipts.forEach(receipt -> unchained.append(receipt.toJson()).append('\n'));
        ReceiptVerifier verifier = ReceiptVerifier.of(catalog, List.of(rules));
        fuzz("receipts", List.of(chained.toByteArray(), unchained.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                input -> {
                    try (ReceiptReader reader = new ReceiptReader(new ByteArrayInputStream(input), "mutant.jsonl")) {
                        verifier.verifyAll(reader, verification -> verification.toString());
                        reader.getChain().toString();
                        reader.getChain().isSignedBy(PUBLIC);
                    } catch (UncheckedIOException wrapped) {
                        // the reader's iterator wraps a malformed byte (an IOException) so
                        throw wrapped.getCause() instanceof CharacterCodingException coding ? coding : wrapped;
                    }
                }, ReceiptFormatException.class, CharacterCodingException.class);
    }
}
