package dev.carbonkit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.carbonkit.Version;
import dev.carbonkit.audit.Receipt;
import dev.carbonkit.audit.ReceiptChain;
import dev.carbonkit.audit.ReceiptKeys;
import dev.carbonkit.audit.ReceiptReader;
import dev.carbonkit.audit.ReceiptVerifier;
import dev.carbonkit.audit.ReceiptWriter;
import dev.carbonkit.audit.Verification;
import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.Fallback;
import dev.carbonkit.calc.Footprint;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.calc.Rounding;
import dev.carbonkit.calc.ScoringException;
import dev.carbonkit.credit.Award;
import dev.carbonkit.credit.CreditEngine;
import dev.carbonkit.credit.CreditResult;
import dev.carbonkit.credit.CreditRule;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.examples.community.CommunityReport;
import dev.carbonkit.factor.ActivityTypes;
import dev.carbonkit.factor.DigestMismatchException;
import dev.carbonkit.factor.EmissionFactor;
import dev.carbonkit.factor.FactorCatalog;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factor.MoneyTable;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factors.BundledFactors;
import dev.carbonkit.factors.BundledRules;
import dev.carbonkit.io.FactorTableLoader;
import dev.carbonkit.io.LoadLimits;
import dev.carbonkit.io.MoneyTableLoader;
import dev.carbonkit.io.LoadException;
import dev.carbonkit.io.RuleSetLoader;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.quantity.Unit;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code carbon} command: footprints, credits, receipts, reports and the factor catalog from the shell.
 * Exit codes (docs/cli.md): 0 done; 1 some activities could not be scored (a strict refusal among them), receipts did
 * not verify or their chain is broken, or a search found nothing; 2 bad command line, or none; 3 bad input file (with
 * file, line and column); 4 bad tables, rule sets or pins; 5 a receipts file without receipts.
 */
@Command(name = "carbon", mixinStandardHelpOptions = true, versionProvider = Carbon.Versions.class,
        description = "Carbon footprints and credits, every number with its calculation.",
        subcommands = {Carbon.Score.class, Carbon.Credits.class, Carbon.Verify.class, Carbon.Report.class,
            Carbon.Keys.class, Carbon.Factors.class, Carbon.Tables.class, Carbon.Rules.class, Carbon.Units.class,
            CommandLine.HelpCommand.class})
public final class Carbon implements Callable<Integer> {

    /** Done. */
    static final int OK = 0;
    /** Some activities could not be scored, or some receipts did not verify. */
    static final int PARTIAL = 1;
    /** A bad input file. */
    static final int BAD_INPUT = 3;
    /** Bad tables, rule sets or pins. */
    static final int BAD_DATA = 4;
    /** A receipts file without receipts, such as one a failed run left. */
    static final int EMPTY = 5;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line and exits with its code.
     *
     * @param args  the arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /**
     * Runs a command line with the given output and error streams.
     *
     * @param args  the arguments
     * @param out  standard output
     * @param err  standard error
     * @return the exit code
     */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, System.in, out, err);
    }

    /** Standard input, for "-"; tests give their own. */
    private static volatile InputStream stdin = System.in;

    /**
     * Runs a command line with the given input, output and error streams.
     *
     * @param args  the arguments
     * @param in  standard input
     * @param out  standard output
     * @param err  standard error
     * @return the exit code
     */
    static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        stdin = in;
        Locale.setDefault(Locale.ROOT);
        CommandLine line = new CommandLine(new Carbon());
        line.setOut(out);
        line.setErr(err);
        line.setExecutionExceptionHandler((failure, command, parsed) -> {
            if (failure instanceof Failure known) {
                command.getErr().println("carbon: " + known.getMessage());
                return known.code;
            }
            if (failure instanceof LoadException | failure instanceof DigestMismatchException) {
                command.getErr().println("carbon: " + failure.getMessage());
                return BAD_DATA;
            }
            throw failure;
        });
        int code = line.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** A bad command line, as picocli reports one. */
    static final int USAGE = 2;

    @Override
    public Integer call() {
        // no command is a bad command line, not a success: say what the commands are, where errors go
        spec.commandLine().getErr().println("carbon: a command is needed");
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    /** A failure with its exit code and a message naming what is wrong and where. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int code;

        Failure(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    /** The version. */
    static final class Versions implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Version.ENGINE};
        }
    }

    /**
     * The limits table and rule-set files named on the command line are read with: the defaults, but files of up to
     * 16 MiB. The command runs on a file its user chose, on a workstation or server, where a converted publisher's
     * table may be over the library's default of 512 KiB (meant for untrusted files on a phone); the other limits
     * stay, and docs/reliability.md gives the time and heap a file of this size may take.
     */
    static final LoadLimits FILE_LIMITS = LoadLimits.defaults().withMaxBytes(16 * 1024 * 1024);

    //-----------------------------------------------------------------------
    /** The factor tables to use: the bundled catalog, or YAML files; and pins. */
    static final class TableOptions {
        @Option(names = "--tables", paramLabel = "TABLE", split = ",",
                description = "Factor tables in precedence order, each a YAML file or a bundled table id (such as"
                        + " desnz-2024), or 'bundled' for every bundled table: acme.yaml,bundled puts your own first"
                        + " (default: bundled).")
        List<String> tables = new ArrayList<>();

        @Option(names = "--pin", paramLabel = "ID=DIGEST", description = "Require table ID to have this digest.")
        Map<String, String> pins = new LinkedHashMap<>();

        @Option(names = "--money-table", paramLabel = "FILE", split = ",",
                description = "Money tables (price indices, exchange rates: docs/spend-based.md) to convert an amount"
                        + " of money to a factor's unit, such as GBP@2024 to USD@2022; each step is recorded.")
        List<Path> moneyFiles = new ArrayList<>();

        List<MoneyTable> moneyTables() {
            List<MoneyTable> loaded = new ArrayList<>();
            for (Path file : moneyFiles) {
                try {
                    loaded.add(MoneyTableLoader.withLimits(FILE_LIMITS).load(file));
                } catch (IOException unreadable) {
                    throw new Failure(BAD_DATA, file + ": " + unreadable.getMessage());
                }
            }
            return loaded;
        }

        FactorCatalog catalog() {
            FactorCatalog.Builder builder = FactorCatalog.builder();
            List<String> named = tables.isEmpty() ? List.of("bundled") : tables;
            Set<String> added = new java.util.HashSet<>();
            for (String table : named) {
                Path file = Path.of(table);
                List<FactorTable> these = new ArrayList<>();
                if (Files.exists(file)) {
                    try {
                        these.add(FactorTableLoader.withLimits(FILE_LIMITS).load(file));
                    } catch (IOException unreadable) {
                        throw new Failure(BAD_DATA, file + ": " + unreadable.getMessage());
                    }
                } else if (table.equals("bundled")) {
                    these.addAll(BundledFactors.catalog().getTables());
                } else if (BundledFactors.TABLE_IDS.contains(table)) {
                    these.add(BundledFactors.table(table));
                } else {
                    throw new Failure(BAD_DATA, "--tables " + table + ": no such table file, and no bundled table of"
                            + " that id; bundled: " + BundledFactors.TABLE_IDS + " (or 'bundled' for all of them)");
                }
                for (FactorTable one : these) {
                    if (!added.add(one.getId())) {
                        throw new Failure(BAD_DATA, "--tables " + table + ": table '" + one.getId() + "' is named"
                                + " twice");
                    }
                    builder.add(one);
                }
            }
            FactorCatalog unpinned = builder.build();
            pins.forEach((id, digest) -> {
                if (unpinned.getTable(id).isEmpty()) {
                    throw new Failure(BAD_DATA, "--pin " + id + ": no table '" + id + "'; tables: "
                            + unpinned.getDigests().keySet());
                }
                builder.requireDigest(id, digest);
            });
            return builder.build();
        }
    }

    /** Opens an input file, or standard input for "-"; a missing file is a BAD_INPUT failure naming it. */
    static InputStream open(String file) throws IOException {
        try {
            return file.equals("-") ? stdin : Files.newInputStream(Path.of(file));
        } catch (NoSuchFileException missing) {
            throw new Failure(BAD_INPUT, file + ": no such file");
        }
    }

    /** The largest key file read. */
    static final int MAX_KEY_BYTES = 16 * 1024;

    /** Reads a key file; a missing, unreadable, oversized or malformed one is a BAD_INPUT failure naming it. */
    static <K> K key(Path file, java.util.function.BiFunction<String, String, K> reader) {
        try (InputStream in = Files.newInputStream(file)) {
            // a PEM Ed25519 key is about 120 bytes: what is longer is not one, and is not read whole
            byte[] pem = in.readNBytes(MAX_KEY_BYTES + 1);
            if (pem.length > MAX_KEY_BYTES) {
                throw new Failure(BAD_INPUT, file + ": more than " + MAX_KEY_BYTES + " bytes; not a PEM key");
            }
            return reader.apply(new String(pem, StandardCharsets.US_ASCII), file.toString());
        } catch (NoSuchFileException missing) {
            throw new Failure(BAD_INPUT, file + ": no such file");
        } catch (IOException | UncheckedIOException unreadable) {
            throw new Failure(BAD_INPUT, file + ": cannot be read as a PEM key: " + unreadable.getMessage());
        } catch (IllegalArgumentException bad) {
            throw new Failure(BAD_INPUT, bad.getMessage());
        }
    }

    /** Reads an input file (or "-" for standard input) a row at a time, giving each to a consumer as it is read. */
    static void forEachRow(String file, java.util.function.Consumer<ActivityReader.Row> each) {
        try (InputStream raw = open(file)) {
            BufferedInputStream in = new BufferedInputStream(raw);
            in.mark(4096);
            byte[] head = in.readNBytes(4096);
            in.reset();
            String first = new String(head, StandardCharsets.UTF_8).lines().findFirst().orElse("");
            ActivityReader.read(in, file, ActivityReader.isJson(file, first), each);
        } catch (IOException unreadable) {
            throw new Failure(BAD_INPUT, unreadable.getMessage());
        }
    }

    /** The lines of a regular file, for a progress bar; 0 for standard input or what cannot be counted. */
    static long lineCount(String file) {
        if (file.equals("-")) {
            return 0;
        }
        try (java.util.stream.Stream<String> lines = Files.lines(Path.of(file))) {
            return lines.count() - 1;
        } catch (IOException | UncheckedIOException unreadable) {
            return 0;
        }
    }

    /** The activities file and what to do with bad rows, explanations and receipts: shared by score and credits. */
    static final class ActivityOptions {
        @Parameters(paramLabel = "FILE", description = "Activities: CSV or JSON Lines; - for standard input.")
        String file;

        @Option(names = "--explain", description = "Print each calculation's steps.")
        boolean explain;

        @Option(names = "--receipts", paramLabel = "FILE", description = "Write a receipt per result (JSON Lines).")
        Path receipts;

        @Option(names = "--sign-with", paramLabel = "KEY", description = "Sign the receipts file's head with this"
                + " Ed25519 private key (PEM, from 'carbon keys' or OpenSSL).")
        Path signWith;

        /** The signing key, read before any work is done, or null. */
        PrivateKey signingKey() {
            if (signWith == null) {
                return null;
            }
            if (receipts == null) {
                throw new Failure(BAD_INPUT, "--sign-with signs a receipts file; give one with --receipts");
            }
            return key(signWith, ReceiptKeys::readPrivateKey);
        }

        @Option(names = "--keep-going", description = "Report bad rows, and activities that cannot be scored, and go on.")
        boolean keepGoing;
    }

    //-----------------------------------------------------------------------
    /** carbon score. */
    @Command(name = "score", mixinStandardHelpOptions = true,
            description = "Footprints of activities from CSV or JSON Lines (- for standard input).")
    static final class Score implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ActivityOptions input = new ActivityOptions();

        @Mixin
        TableOptions tables = new TableOptions();

        @Option(names = "--format", defaultValue = "table",
                description = "table, csv or jsonl (json: the same; default: ${DEFAULT-VALUE}).")
        String format;

        @Option(names = "--gwp", defaultValue = "AR5", description = "AR4, AR5 or AR6 (default: ${DEFAULT-VALUE}).")
        String gwp;

        @Option(names = "--strict", description = "Allow no fallback (type, region, date, GWP).")
        boolean strict;

        @Option(names = "--proxy", paramLabel = "TYPE=REGION", description = "Where an activity of this type (or one"
                + " under it) has no factor in its region, use REGION's as a proxy, recorded as a PROXY fallback: such"
                + " as spend=US for the US supply-chain factors abroad.")
        Map<String, String> proxies = new LinkedHashMap<>();

        @Option(names = "--round", paramLabel = "PLACES", description = "Also show each result rounded half-even to"
                + " this many decimal places, for display (the table shows it instead; csv and jsonl add presented_kg;"
                + " the exact value is kept everywhere else).")
        Integer round;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            PrivateKey signingKey = input.signingKey();
            if (!List.of("table", "csv", "jsonl", "json").contains(format)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--format: expected table, csv or jsonl"
                        + " (json is the same as jsonl), not '" + format + "'");
            }
            GwpSet set;
            try {
                set = GwpSet.of(gwp);
            } catch (RuntimeException unknown) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--gwp: " + unknown.getMessage());
            }
            CalculationPolicy policy = (strict ? CalculationPolicy.strict() : CalculationPolicy.defaults()).withGwpSet(set);
            for (Map.Entry<String, String> proxy : proxies.entrySet()) {
                try {
                    policy = policy.withProxy(proxy.getKey(), Region.of(proxy.getValue()));
                } catch (RuntimeException bad) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--proxy " + proxy.getKey() + "="
                            + proxy.getValue() + ": " + bad.getMessage());
                }
            }
            if (round != null) {
                if (round < 0 || round > 34) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--round: 0 to 34 decimal places, not "
                            + round);
                }
                policy = policy.withRounding(Rounding.of(round, RoundingMode.HALF_EVEN));
            }
            FootprintEngine engine = FootprintEngine.of(policy, tables.catalog()).withMoneyTables(tables.moneyTables());
            // rows are read, scored and written one at a time: csv and jsonl output and receipts stream, in memory
            // that does not grow with the input; the table format holds the footprints for its column widths
            long[] counts = new long[2];
            boolean stream = !format.equals("table");
            List<Footprint> held = new ArrayList<>();
            ObjectMapper json = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
            if (format.equals("csv")) {
                out.println("id,co2e_kg," + (round == null ? "" : "presented_kg,") + "factor,table,digest,fallbacks");
            }
            Progress progress = new Progress(err, System.console() == null ? 0 : lineCount(input.file));
            try (ReceiptWriter writer = input.receipts == null ? null
                    : new ReceiptWriter(Files.newOutputStream(input.receipts))) {
                forEachRow(input.file, row -> {
                    counts[0]++;
                    progress.step();
                    if (row.problem() != null) {
                        skipOrStop(row.problem(), "bad rows", input.keepGoing, err, counts);
                        return;
                    }
                    Footprint footprint;
                    try {
                        footprint = engine.score(row.activity());
                    } catch (RuntimeException unscorable) {
                        // a well-formed row the catalog or the policy cannot score: exit 1, not a bad file's 3
                        skipOrStop(input.file + ":" + row.line() + ": " + unscorable.getMessage(), "it",
                                input.keepGoing, err, counts, PARTIAL);
                        return;
                    }
                    if (stream) {
                        print(out, json, footprint);
                    } else {
                        held.add(footprint);
                    }
                    if (writer != null) {
                        try {
                            writer.write(Receipt.of(footprint));
                        } catch (IOException failed) {
                            throw new UncheckedIOException(failed);
                        }
                    }
                });
                progress.done();
                if (!stream) {
                    printTable(out, held);
                }
                if (writer != null) {
                    written(err, input.receipts, writer.finish(signingKey));
                }
            } catch (UncheckedIOException failed) {
                throw failed.getCause();
            }
            return ended(err, counts);
        }


        /** One footprint, as a CSV or JSON line. */
        private void print(PrintWriter out, ObjectMapper json, Footprint footprint) {
            if (format.equals("csv")) {
                out.println(csv(footprint.getActivity().getId()) + "," + plain(footprint.getCo2e()) + ","
                        + footprint.getPresentedCo2e().map(presented -> presented.toPlainString() + ",").orElse("")
                        + csv(footprint.getFactor().getId()) + "," + csv(footprint.getTableId()) + ","
                        + footprint.getTableDigest() + "," + csv(fallbacks(footprint)));
                if (input.explain) {
                    spec.commandLine().getErr().print(footprint.getExplanation());
                }
                return;
            }
            Map<String, Object> row = new TreeMap<>();
            row.put("id", footprint.getActivity().getId());
            row.put("co2e_kg", plain(footprint.getCo2e()));
            footprint.getPresentedCo2e().ifPresent(presented -> row.put("presented_kg", presented.toPlainString()));
            Map<String, String> gases = new TreeMap<>();
            footprint.getEmissions().getMasses().forEach((gas, kg) -> gases.put(gas.getCode(), plain(kg)));
            row.put("gases", gases);
            row.put("gwp", footprint.getGwpSet().map(Enum::name).orElse(null));
            row.put("factor", footprint.getFactor().getId());
            row.put("table", footprint.getTableId());
            row.put("digest", footprint.getTableDigest());
            row.put("fallbacks", footprint.getFallbacks().stream().map(Fallback::toString).toList());
            try {
                out.println(json.writeValueAsString(row));
            } catch (JsonProcessingException notPossible) {
                throw new IllegalStateException("carbon bug: a footprint's JSON", notPossible);
            }
            if (input.explain) {
                footprint.getExplanation().getSteps().forEach(step -> spec.commandLine().getErr().println("  " + step));
            }
        }

        /** A result as the table shows it: exact, or rounded for display under --round. */
        private String shown(BigDecimal co2e) {
            return round == null ? plain(co2e) : co2e.setScale(round, RoundingMode.HALF_EVEN).toPlainString();
        }

        /** The footprints as a table, each column as wide as its widest value, and the total. */
        private void printTable(PrintWriter out, List<Footprint> footprints) {
            int idWidth = Math.max(5, footprints.stream().mapToInt(f -> f.getActivity().getId().length()).max()
                    .orElse(2));
            BigDecimal sum = footprints.stream().map(Footprint::getCo2e).reduce(BigDecimal.ZERO, BigDecimal::add);
            int kgWidth = Math.max(Math.max(7, shown(sum).length()), footprints.stream()
                    .mapToInt(f -> shown(f.getCo2e()).length()).max().orElse(7));
            String row = "%-" + idWidth + "s  %" + kgWidth + "s  %s%n";
            out.printf(Locale.ROOT, row, "id", "co2e_kg", "factor");
            BigDecimal total = BigDecimal.ZERO;
            for (Footprint footprint : footprints) {
                out.printf(Locale.ROOT, row, footprint.getActivity().getId(), shown(footprint.getCo2e()),
                        footprint.getFactor().getId() + (footprint.getFallbacks().isEmpty() ? ""
                                : "  (" + fallbacks(footprint) + ")"));
                if (input.explain) {
                    out.print(footprint.getExplanation().toString().indent(4));
                }
                total = total.add(footprint.getCo2e());
            }
            out.printf(Locale.ROOT, row, "total", shown(total), footprints.size() + (footprints.size() == 1 ? " activity"
                    : " activities"));
            if (round != null) {
                out.println("(rounded half-even to " + round + " decimal places for display; the total is of the"
                        + " exact values; receipts and --format csv or jsonl keep them)");
            }
        }
    }

    static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static String fallbacks(Footprint footprint) {
        return String.join("; ", footprint.getFallbacks().stream().map(Fallback::toString).toList());
    }

    /**
     * A text cell of CSV output: a cell that a spreadsheet would take for a formula (it starts with =, +, -, @, a tab
     * or a carriage return) is prefixed with a single quote, as OWASP's "CSV Injection" page recommends, then quoted
     * if it needs to be. Numbers carbonkit writes are not text cells and are written as they are.
     */
    static String csv(String text) {
        String cell = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    /** A progress bar on standard error, only in a terminal and only for large inputs. */
    static final class Progress {
        private final PrintWriter err;
        private final long total;
        private final boolean shown;
        private long done;

        Progress(PrintWriter err, long total) {
            this(err, total, System.console() != null);
        }

        Progress(PrintWriter err, long total, boolean terminal) {
            this.err = err;
            this.total = total;
            this.shown = terminal && total >= 50_000;
        }

        void step() {
            done++;
            if (shown && done % (total / 100) == 0) {
                int percent = (int) Math.min(100, done * 100 / total);
                err.print("\r[" + "#".repeat(percent / 5) + " ".repeat(20 - percent / 5) + "] " + percent + "% ");
                err.flush();
            }
        }

        void done() {
            if (shown) {
                err.println();
            }
        }
    }

    //-----------------------------------------------------------------------
    /** carbon credits. */
    @Command(name = "credits", mixinStandardHelpOptions = true,
            description = "Awards and account balances under a rule set.")
    static final class Credits implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ActivityOptions input = new ActivityOptions();

        @Option(names = "--rules", required = true, paramLabel = "RULESET",
                description = "A bundled rule set id (such as cn-sz-low-carbon-public-transit) or a YAML file.")
        String rules;


        @Option(names = "--buffer", defaultValue = "100000", paramLabel = "ACTIVITIES",
                description = "Activities held in memory while they are grouped by account; more are sorted on disk"
                        + " (default: ${DEFAULT-VALUE}).")
        int buffer;

        @Option(names = "--format", defaultValue = "table",
                description = "table (awards, then balances), csv or jsonl (awards only; default: ${DEFAULT-VALUE})."
                        + " Awards come account by account, accounts in order of their ids, each account's in time"
                        + " order.")
        String format;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!List.of("table", "csv", "jsonl", "json").contains(format)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--format: expected table, csv or jsonl"
                        + " (json is the same as jsonl), not '" + format + "'");
            }
            PrivateKey signingKey = input.signingKey();
            RuleSet ruleSet = ruleSet(rules);
            if (buffer < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--buffer: 1 or more, not " + buffer);
            }
            boolean table = format.equals("table");
            boolean csv = format.equals("csv");
            ObjectMapper json = new ObjectMapper();
            long[] counts = new long[2];
            // each account is credited on its own, in time order (an award depends on its own account's activities
            // only), so the input is grouped by account, on disk past the buffer, and never held whole
            try (AccountSorter sorter = new AccountSorter(buffer); ReceiptWriter writer = input.receipts == null ? null
                    : new ReceiptWriter(Files.newOutputStream(input.receipts))) {
                forEachRow(input.file, row -> {
                    counts[0]++;
                    if (row.problem() != null) {
                        skipOrStop(row.problem(), "bad rows", input.keepGoing, err, counts);
                        return;
                    }
                    try {
                        sorter.add(row.activity());
                    } catch (IOException failed) {
                        throw new UncheckedIOException(failed);
                    }
                });
                String row = "%-14s %-10s %-24s %-21s %10s %8s%n";
                if (table) {
                    out.println("rule set " + ruleSet.getId() + " " + ruleSet.getVersion() + " " + ruleSet.getDigest());
                    out.println("awards account by account (accounts by id), each account's in time order");
                    out.printf(Locale.ROOT, row, "activity", "account", "rule", "outcome", "grams", "points");
                } else if (csv) {
                    out.println("activity,account,rule,outcome,grams,points,ruleset,digest");
                }
                Map<String, BigDecimal[]> balances = new TreeMap<>();
                sorter.forEachAccount(activities -> {
                    // budget periods are closed up to the latest activity of the whole input, as one evaluation would
                    CreditResult result = CreditEngine.evaluate(ruleSet, activities, sorter.latest());
                    for (Award award : result.getAwards()) {
                        String rule = award.getRuleId() == null ? "-" : award.getRuleId();
                        if (table) {
                            out.printf(Locale.ROOT, row, award.getActivityId(), award.getAccount(), rule, award.getOutcome(),
                                    plain(award.getGrams()), plain(award.getPoints()));
                        } else if (csv) {
                            out.println(csv(award.getActivityId()) + "," + csv(award.getAccount()) + ","
                                    + (award.getRuleId() == null ? "" : csv(award.getRuleId())) + ","
                                    + award.getOutcome() + "," + plain(award.getGrams()) + "," + plain(award.getPoints()) + ","
                                    + csv(ruleSet.getId()) + "," + ruleSet.getDigest());
                        } else {
                            Map<String, Object> line = new LinkedHashMap<>();
                            line.put("activity", award.getActivityId());
                            line.put("account", award.getAccount());
                            line.put("rule", award.getRuleId());
                            line.put("outcome", award.getOutcome().name());
                            line.put("grams", plain(award.getGrams()));
                            line.put("points", plain(award.getPoints()));
                            line.put("ruleset", ruleSet.getId());
                            line.put("digest", ruleSet.getDigest());
                            try {
                                out.println(json.writeValueAsString(line));
                            } catch (JsonProcessingException notPossible) {
                                throw new IllegalStateException("carbon bug: an award's JSON", notPossible);
                            }
                        }
                        if (input.explain) {
                            (table ? out : err).print(award.explain().indent(4));
                        }
                        BigDecimal[] balance = balances.computeIfAbsent(award.getAccount(),
                                k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                        balance[0] = balance[0].add(award.getGrams());
                        balance[1] = balance[1].add(award.getPoints());
                    }
                    if (writer != null) {
                        try {
                            writer.writeAll(Receipt.of(result, ruleSet, activities));
                        } catch (IOException failed) {
                            throw new UncheckedIOException(failed);
                        }
                    }
                });
                if (table) {
                    out.println();
                    out.printf(Locale.ROOT, "%-14s %14s %10s%n", "account", "reduction_g", "points");
                    balances.forEach((account, balance) -> out.printf(Locale.ROOT, "%-14s %14s %10s%n", account,
                            plain(balance[0]), plain(balance[1])));
                }
                if (writer != null) {
                    written(err, input.receipts, writer.finish(signingKey));
                }
            } catch (UncheckedIOException failed) {
                throw failed.getCause();
            }
            return ended(err, counts);
        }
    }

    /** A row that cannot be read: reported and skipped under --keep-going, else the end of the run (exit 3). */
    static void skipOrStop(String problem, String what, boolean keepGoing, PrintWriter err, long[] counts) {
        skipOrStop(problem, what, keepGoing, err, counts, BAD_INPUT);
    }

    /** A row that cannot be read or scored: reported and skipped under --keep-going, else the end of the run. */
    static void skipOrStop(String problem, String what, boolean keepGoing, PrintWriter err, long[] counts, int code) {
        if (!keepGoing) {
            throw new Failure(code, problem + " (use --keep-going to skip " + what + ")");
        }
        err.println("carbon: " + problem + " (skipped)");
        counts[1]++;
    }

    /** The exit of a run over rows: counts[0] rows read, counts[1] of them not scored. */
    static int ended(PrintWriter err, long[] counts) {
        if (counts[1] > 0) {
            err.println("carbon: " + counts[1] + " of " + counts[0] + " rows not scored");
            return PARTIAL;
        }
        return OK;
    }

    /** Says where receipts were written, and the head digest that stands for them. */
    static void written(PrintWriter err, Path file, ReceiptChain chain) {
        err.println("carbon: " + chain.getReceipts() + " receipts written to " + file + ", head " + chain.getHead()
                + (chain.isSigned() ? ", signed" : ""));
    }

    /** A bundled rule set by id, or a rule set file. */
    static RuleSet ruleSet(String rules) {
        if (BundledRules.RULE_SET_IDS.contains(rules)) {
            return BundledRules.ruleSet(rules);
        }
        Path file = Path.of(rules);
        if (!Files.exists(file)) {
            throw new Failure(BAD_DATA, "--rules " + rules + ": neither a bundled rule set " + BundledRules.RULE_SET_IDS
                    + " nor a file");
        }
        try {
            return RuleSetLoader.withLimits(FILE_LIMITS).withCatalog(BundledFactors.catalog()).load(file);
        } catch (IOException unreadable) {
            throw new Failure(BAD_DATA, rules + ": " + unreadable.getMessage());
        }
    }

    //-----------------------------------------------------------------------
    /** carbon verify. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check receipts files' chains and replay their receipts; exit 1 if any is not reproduced or a"
                    + " chain is broken, 5 if a file has no receipts.")
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "RECEIPTS", arity = "1..*", description = "Receipts files (JSON Lines), each with its"
                + " own chain; - for standard input.")
        List<String> files = new ArrayList<>();

        @Option(names = "--head", paramLabel = "DIGEST", description = "The head digest a report published: the"
                + " (single) file's chain must end in it.")
        String head;

        @Option(names = "--public-key", paramLabel = "KEY", description = "The operator's Ed25519 public key (PEM):"
                + " each file must be intact and signed with its private key.")
        Path publicKey;

        @Mixin
        TableOptions tables = new TableOptions();

        @Option(names = "--rules", paramLabel = "RULESET", split = ",",
                description = "Rule sets for award receipts: bundled ids or YAML files (default: every bundled one).")
        List<String> rules = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            List<RuleSet> ruleSets = new ArrayList<>();
            (rules.isEmpty() ? BundledRules.RULE_SET_IDS : rules).forEach(id -> ruleSets.add(ruleSet(id)));
            if (head != null && files.size() != 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--head checks one file's chain; "
                        + files.size() + " files were given");
            }
            PublicKey key = publicKey == null ? null : key(publicKey, ReceiptKeys::readPublicKey);
            ReceiptVerifier verifier = ReceiptVerifier.of(tables.catalog(), ruleSets).withMoneyTables(tables.moneyTables());
            Map<Verification.Status, Long> counts;
            Map<String, ReceiptChain> chains = new LinkedHashMap<>();
            List<ReceiptReader> readers = new ArrayList<>();
            try {
                for (String file : files) {
                    readers.add(new ReceiptReader(open(file), file));
                }
                // the files one after the other: award receipts are replayed together, whichever file holds them;
                // where each receipt was read, until its verification comes (at once for a footprint, at the end for
                // awards and ledger updates, which are held until then anyway)
                Map<String, java.util.ArrayDeque<String>> lines = new java.util.HashMap<>();
                Iterable<Receipt> all = () -> java.util.stream.IntStream.range(0, readers.size()).boxed()
                        .flatMap(i -> readers.get(i).stream().peek(receipt -> lines.computeIfAbsent(place(receipt.getKind(),
                                receipt.getId(), receipt.get("rule").orElse(null)), k -> new java.util.ArrayDeque<>())
                                .add((files.size() == 1 ? "" : files.get(i) + " ") + "line " + readers.get(i).getLine())))
                        .iterator();
                counts = verifier.verifyAll(all, verification -> {
                    String at = place(verification.getKind(), verification.getId(), verification.getRule());
                    java.util.ArrayDeque<String> queue = lines.get(at);
                    String line = queue == null ? null : queue.poll();
                    if (queue != null && queue.isEmpty()) {
                        lines.remove(at);
                    }
                    if (!verification.isReproduced()) {
                        out.println((line == null ? "" : line + ": ") + verification);
                    }
                });
                for (int i = 0; i < files.size(); i++) {
                    chains.put(files.get(i), readers.get(i).getChain());
                }
            } catch (IllegalArgumentException | UncheckedIOException bad) {
                throw new Failure(BAD_INPUT, bad.getMessage());
            } finally {
                for (ReceiptReader reader : readers) {
                    reader.close();
                }
            }
            boolean trusted = true;
            boolean empty = false;
            for (Map.Entry<String, ReceiptChain> chain : chains.entrySet()) {
                String prefix = files.size() == 1 ? "" : chain.getKey() + ": ";
                for (ReceiptChain.Finding finding : chain.getValue().getFindings()) {
                    out.println(prefix + finding);
                }
                if (chain.getValue().getFindingCount() > chain.getValue().getFindings().size()) {
                    out.println(prefix + (chain.getValue().getFindingCount() - chain.getValue().getFindings().size())
                            + " more problems not listed");
                }
                trusted &= chain.getValue().isTrusted();
                empty |= chain.getValue().getStatus() == ReceiptChain.Status.EMPTY;
            }
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            long reproduced = counts.get(Verification.Status.REPRODUCED);
            StringBuilder summary = new StringBuilder(reproduced + " of " + total + " receipts reproduced");
            counts.forEach((status, count) -> {
                if (count > 0 && status != Verification.Status.REPRODUCED) {
                    summary.append(", ").append(count).append(' ').append(status);
                }
            });
            out.println(summary);
            chains.forEach((file, chain) -> out.println((files.size() == 1 ? "" : file + ": ") + chain));
            if (head != null) {
                ReceiptChain chain = chains.values().iterator().next();
                if (!chain.getHead().equals(head)) {
                    out.println("head " + chain.getHead() + " is not the published head " + head);
                    trusted = false;
                } else if (chain.getStatus() == ReceiptChain.Status.INTACT) {
                    out.println("head matches the published head");
                }
            }
            if (key != null) {
                for (Map.Entry<String, ReceiptChain> entry : chains.entrySet()) {
                    ReceiptChain chain = entry.getValue();
                    String prefix = files.size() == 1 ? "" : entry.getKey() + ": ";
                    if (chain.isSignedBy(key)) {
                        out.println(prefix + "signature verified: signed with the private key of " + publicKey);
                    } else {
                        out.println(prefix + "signature NOT verified: " + (chain.getStatus() != ReceiptChain.Status.INTACT
                                ? "the chain is not intact" : !chain.isSigned() ? "the file is not signed"
                                : "not signed with the private key of " + publicKey + ", or its count or head changed"));
                        trusted = false;
                    }
                }
            }
            return empty ? EMPTY : reproduced == total && trusted ? OK : PARTIAL;
        }
    }

    /** The key that finds where a receipt was read when its verification comes. */
    static String place(Receipt.Kind kind, String id, String rule) {
        return kind + "\u0000" + id + "\u0000" + rule;
    }

    //-----------------------------------------------------------------------
    /** carbon keys. */
    @Command(name = "keys", mixinStandardHelpOptions = true,
            description = "Make an Ed25519 key pair for signing receipts files (PEM, as OpenSSL writes them).")
    static final class Keys implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--private-key", paramLabel = "FILE", required = true, description = "Where to write the"
                + " private key, which signs; keep it secret. Not overwritten.")
        Path privateKey;

        @Option(names = "--public-key", paramLabel = "FILE", required = true, description = "Where to write the"
                + " public key, which checks; publish it. Not overwritten.")
        Path publicKey;

        @Override
        public Integer call() throws IOException {
            for (Path file : List.of(privateKey, publicKey)) {
                if (Files.exists(file)) {
                    throw new Failure(BAD_INPUT, file + " exists already; a key is never overwritten");
                }
            }
            KeyPair pair = ReceiptKeys.generate();
            Files.writeString(privateKey, ReceiptKeys.toPem(pair.getPrivate()), StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions: the file keeps its directory's
            }
            Files.writeString(publicKey, ReceiptKeys.toPem(pair.getPublic()), StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW);
            spec.commandLine().getErr().println("carbon: Ed25519 private key written to " + privateKey
                    + " (keep it secret), public key to " + publicKey);
            return OK;
        }
    }

    //-----------------------------------------------------------------------
    /** carbon report. */
    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "A community report from receipts, or from activities (scored, and credited under --rules),"
                    + " every figure with the receipts it sums.")
    static final class Report implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "Receipts (JSON Lines) or activities (CSV, JSON Lines); - for"
                + " standard input.")
        String file;

        @Option(names = "--rules", paramLabel = "RULESET", split = ",",
                description = "For activities: rule sets to credit them under (bundled ids or YAML files).")
        List<String> rules = new ArrayList<>();

        @Mixin
        TableOptions tables = new TableOptions();

        @Option(names = "--buffer", defaultValue = "100000", paramLabel = "ACTIVITIES",
                description = "From activities: how many are held in memory while they are grouped by account for"
                        + " --rules; more are sorted on disk (default: ${DEFAULT-VALUE}).")
        int buffer;

        @Option(names = "--title", defaultValue = "Community report", description = "The report's title.")
        String title;

        @Option(names = "--period", defaultValue = "as the receipts cover", description = "The period, as text.")
        String period;

        @Option(names = "--format", defaultValue = "md", description = "md, html or json (default: ${DEFAULT-VALUE}).")
        String format;

        @Override
        public Integer call() throws IOException {
            if (!List.of("md", "html", "json").contains(format)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--format: expected md, html or json, not '"
                        + format + "'");
            }
            CommunityReport report = CommunityReport.of(title, period);
            try (InputStream raw = open(file);
                    BufferedInputStream in = new BufferedInputStream(raw)) {
                in.mark(1 << 16);
                String head = new String(in.readNBytes(1 << 16), StandardCharsets.UTF_8);
                in.reset();
                if (head.stripLeading().startsWith("{") && (head.contains("\"format\":\"" + Receipt.FORMAT + "\"")
                        || head.contains("\"format\":\"" + Receipt.CHAINED_FORMAT + "\""))) {
                    try (ReceiptReader reader = new ReceiptReader(in, file)) {
                        for (Receipt receipt : reader) {
                            try {
                                report.add(receipt);
                            } catch (IllegalArgumentException twice) {
                                throw new Failure(PARTIAL, file + ":" + reader.getLine() + ": " + twice.getMessage()
                                        + "; no report is made");
                            }
                        }
                        summed(report, reader.getChain());
                    }
                } else {
                    fromActivities(report, in, file, ActivityReader.isJson(file, head.lines().findFirst().orElse("")));
                }
            } catch (IllegalArgumentException | UncheckedIOException bad) {
                throw new Failure(BAD_INPUT, bad.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (skipped > 0) {
                spec.commandLine().getErr().println("carbon: " + skipped + " activities have no factor in the catalog"
                        + " for their type and region; they are not in the footprint");
            }
            out.print(switch (format) {
                case "html" -> report.toHtml();
                case "json" -> report.toJson() + "\n";
                default -> report.toMarkdown();
            });
            return OK;
        }

        private int skipped;

        /** Refuses a chain the report cannot trust, naming its lines; records the head the report sums. */
        private void summed(CommunityReport report, ReceiptChain chain) {
            if (chain.getStatus() == ReceiptChain.Status.EMPTY) {
                throw new Failure(EMPTY, file + ": no receipts; no report is made");
            }
            if (!chain.isTrusted()) {
                StringBuilder problems = new StringBuilder(file + ": " + chain + "; no report is made");
                chain.getFindings().forEach(finding -> problems.append("\n  ").append(file).append(", ")
                        .append(finding));
                throw new Failure(PARTIAL, problems.toString());
            }
            report.summing(chain);
        }

        /** Scores the activities that have a factor and credits them under each rule set, adding the receipts. */
        /**
         * Scores each activity as it is read, and credits them account by account under each rule set (grouped as
         * {@code credits} groups them, on disk past the buffer): the report's memory does not grow with the input.
         */
        private void fromActivities(CommunityReport report, InputStream in, String file, boolean json)
                throws IOException {
            FactorCatalog catalog = tables.catalog();
            FootprintEngine engine = FootprintEngine.of(CalculationPolicy.defaults(), catalog);
            List<RuleSet> ruleSets = new ArrayList<>();
            rules.forEach(id -> ruleSets.add(ruleSet(id)));
            try (AccountSorter sorter = new AccountSorter(buffer)) {
                ActivityReader.read(in, file, json, row -> {
                    if (row.problem() != null) {
                        throw new Failure(BAD_INPUT, row.problem());
                    }
                    Activity activity = row.activity();
                    try {
                        report.add(Receipt.of(engine.score(activity)));
                    } catch (ScoringException unscored) {
                        // an action credited, not scored (a payment, a step count), or a trip with no factor where
                        // it happened: in the awards, not in the footprint
                        skipped++;
                    }
                    if (!ruleSets.isEmpty()) {
                        try {
                            sorter.add(activity);
                        } catch (IOException failed) {
                            throw new UncheckedIOException(failed);
                        }
                    }
                });
                for (RuleSet ruleSet : ruleSets) {
                    sorter.forEachAccount(activities -> Receipt.of(CreditEngine.evaluate(ruleSet, activities,
                            sorter.latest()), ruleSet, activities).forEach(report::add));
                }
            } catch (UncheckedIOException failed) {
                throw failed.getCause();
            }
        }
    }

    //-----------------------------------------------------------------------
    /** carbon tables. */
    @Command(name = "tables", mixinStandardHelpOptions = true, description = "The factor tables: ids, editions, digests.")
    static final class Tables implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        TableOptions tables = new TableOptions();

        @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
        String format;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            FactorCatalog catalog = tables.catalog();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (FactorTable table : catalog.getTables()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", table.getId());
                row.put("edition", table.getInfo().getEdition());
                row.put("factors", Integer.toString(table.getFactors().size()));
                row.put("licence", table.getInfo().getLicence());
                row.put("digest", table.getDigest());
                rows.add(row);
            }
            if (format.equals("json")) {
                ObjectMapper mapper = new ObjectMapper();
                for (Map<String, Object> row : rows) {
                    out.println(mapper.writeValueAsString(row));
                }
            } else {
                for (Map<String, Object> row : rows) {
                    out.printf(Locale.ROOT, "%-32s %6s factors  %s%n    %s; licence: %s%n", row.get("id"),
                            row.get("factors"), row.get("digest"), row.get("edition"), row.get("licence"));
                }
            }
            return OK;
        }
    }

    /** carbon factors. */
    @Command(name = "factors", mixinStandardHelpOptions = true,
            description = "Browse the catalog: list a type's factors, show one factor, or search types.")
    static final class Factors implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "list|show|search", description = "list TYPE, show ID, search TEXT")
        String action;

        @Parameters(index = "1", paramLabel = "ARG", description = "The activity type, factor id or text.")
        String argument;

        @Mixin
        TableOptions tables = new TableOptions();

        @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
        String format;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            FactorCatalog catalog = tables.catalog();
            ObjectMapper mapper = new ObjectMapper();
            switch (action) {
                case "list" -> {
                    List<EmissionFactor> factors = catalog.getFactors(argument);
                    if (factors.isEmpty()) {
                        throw new Failure(BAD_DATA, "no factors for type '" + argument + "'; try: carbon factors search "
                                + argument.replaceAll("\\..*", ""));
                    }
                    for (EmissionFactor factor : factors) {
                        print(out, mapper, factor, false);
                    }
                }
                case "show" -> {
                    EmissionFactor found = null;
                    for (FactorTable table : catalog.getTables()) {
                        for (EmissionFactor factor : table.getFactors()) {
                            if (factor.getId().equals(argument)) {
                                found = factor;
                            }
                        }
                    }
                    if (found == null) {
                        throw new Failure(BAD_DATA, "no factor '" + argument + "'");
                    }
                    print(out, mapper, found, true);
                }
                case "search" -> {
                    String needle = argument.toLowerCase(Locale.ROOT);
                    int found = 0;
                    for (String type : catalog.getActivityTypes()) {
                        if (type.contains(needle)) {
                            out.println(format.equals("json") ? mapper.writeValueAsString(Map.of("type", type)) : type);
                            found++;
                        }
                    }
                    if (found == 0) {
                        spec.commandLine().getErr().println("carbon: no activity type of the catalog contains '"
                                + argument + "'" + ActivityTypes.of(catalog).suggest(needle)
                                        .map(hint -> "; did you mean '" + hint + "'?").orElse(""));
                        return PARTIAL;
                    }
                }
                default -> throw new CommandLine.ParameterException(spec.commandLine(), "expected list, show or search,"
                        + " not '" + action + "'");
            }
            return OK;
        }

        private void print(PrintWriter out, ObjectMapper mapper, EmissionFactor factor, boolean full)
                throws JsonProcessingException {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", factor.getId());
            row.put("activity", factor.getActivityType());
            row.put("region", factor.getRegion().getCode());
            if (format.equals("json")) {
                // numbers as exact decimal text with their units beside them; an open end of validity is null; a
                // key with no value is left out
                row.put("valid_from", factor.getValidity().getStartInclusive().map(Object::toString).orElse(null));
                row.put("valid_to", factor.getValidity().getEndInclusive().map(Object::toString).orElse(null));
                row.put("per", factor.getPer().getCode());
                factor.getCo2e().ifPresent(co2e -> row.put("co2e", amount(co2e)));
                Map<String, Object> gases = new TreeMap<>();
                factor.getGases().forEach((gas, value) -> gases.put(gas.getCode(), amount(value)));
                row.put("gases", gases);
                if (full) {
                    row.put("table", factor.getTable().getId());
                    row.put("source", factor.getTable().getPublisher() + ", " + factor.getTable().getEdition());
                    row.put("licence", factor.getTable().getLicence());
                    factor.getStatus().ifPresent(status -> row.put("status", status));
                }
                row.values().removeIf(java.util.Objects::isNull);
                out.println(mapper.writeValueAsString(row));
                return;
            }
            String valid = validity(factor);
            String value = factor.getCo2e().map(q -> plain(q.getAmount()) + " " + q.getUnit() + " CO2e")
                    .orElseGet(() -> gasesText(factor) + " (per gas; no published CO2e total)");
            if (!full) {
                out.printf(Locale.ROOT, "%-40s %-13s %-23s %s per %s%n", row.get("id"), row.get("region"), valid,
                        value, factor.getPer().getCode());
                return;
            }
            row.put("valid", valid);
            row.put("per", factor.getPer().getCode());
            row.put("co2e", factor.getCo2e().map(q -> plain(q.getAmount()) + " " + q.getUnit() + " CO2e")
                    .orElse("none published; the gases are weighted under the GWP set asked for"));
            row.put("gases", factor.getGases().isEmpty() ? null : gasesText(factor));
            row.put("boundary", factor.getBoundary().orElse(null));
            row.put("table", factor.getTable().getId());
            row.put("source", factor.getTable().getPublisher() + ", " + factor.getTable().getEdition());
            // where in the publisher's file: its row id and its place (a DESNZ path, a NAICS title)
            row.put("row", factor.getRowId().map(id -> id + factor.getLocation().map(at -> ", " + at).orElse(""))
                    .orElse(factor.getLocation().orElse(null)));
            row.put("licence", factor.getTable().getLicence());
            row.put("status", factor.getStatus().orElse(null));
            row.forEach((key, text) -> {
                if (text != null) {
                    out.printf(Locale.ROOT, "%-9s %s%n", key, text);
                }
            });
        }

        private static Map<String, String> amount(Quantity quantity) {
            Map<String, String> amount = new LinkedHashMap<>();
            amount.put("amount", plain(quantity.getAmount()));
            amount.put("unit", quantity.getUnit().getCode());
            return amount;
        }

        private static String gasesText(EmissionFactor factor) {
            List<String> gases = new ArrayList<>();
            factor.getGases().forEach((gas, value) -> gases.add(gas.getCode() + " " + plain(value.getAmount()) + " "
                    + value.getUnit()));
            return String.join(", ", gases);
        }

        /** A validity as people read it: "always", "from 2024-01-01", "until ...", or the two dates. */
        private static String validity(EmissionFactor factor) {
            var start = factor.getValidity().getStartInclusive();
            var end = factor.getValidity().getEndInclusive();
            if (start.isEmpty() && end.isEmpty()) {
                return "always";
            }
            if (end.isEmpty()) {
                return "from " + start.get();
            }
            if (start.isEmpty()) {
                return "until " + end.get();
            }
            return start.get() + "/" + end.get();
        }
    }

    //-----------------------------------------------------------------------
    /** carbon rules. */
    @Command(name = "rules", mixinStandardHelpOptions = true,
            description = "The bundled credit rule sets: list them, or show one's rules (an id or a YAML file).")
    static final class Rules implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "list|show", description = "list, or show RULESET")
        String action;

        @Parameters(index = "1", arity = "0..1", paramLabel = "RULESET", description = "A bundled rule set id or a"
                + " YAML file (for show).")
        String argument;

        @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
        String format;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            ObjectMapper mapper = new ObjectMapper();
            boolean json = format.equals("json");
            if (!json && !format.equals("table")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--format: expected table or json, not '"
                        + format + "'");
            }
            switch (action) {
                case "list" -> {
                    for (String id : BundledRules.RULE_SET_IDS) {
                        RuleSet set = BundledRules.ruleSet(id);
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("id", set.getId());
                        row.put("version", set.getVersion());
                        row.put("rules", Integer.toString(set.getRules().size()));
                        row.put("timezone", set.getZone().getId());
                        row.put("digest", set.getDigest());
                        out.println(json ? mapper.writeValueAsString(row) : String.format(Locale.ROOT,
                                "%-32s %-22s %2s %-5s  %s", id, set.getVersion(), row.get("rules"),
                                set.getRules().size() == 1 ? "rule" : "rules", set.getDigest()));
                    }
                }
                case "show" -> {
                    if (argument == null) {
                        throw new CommandLine.ParameterException(spec.commandLine(), "show needs a rule set: a bundled"
                                + " id " + BundledRules.RULE_SET_IDS + " or a YAML file");
                    }
                    RuleSet set = ruleSet(argument);
                    if (!json) {
                        out.println("rule set " + set.getId() + " " + set.getVersion() + " (" + set.getZone() + ") "
                                + set.getDigest());
                    }
                    for (CreditRule rule : set.getRules()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("id", rule.getId());
                        row.put("kind", rule.getKind().name().toLowerCase(Locale.ROOT));
                        row.put("activity", rule.getActivityType());
                        rule.getStatus().ifPresent(status -> row.put("status", status));
                        rule.getSource().ifPresent(source -> row.put("source", source));
                        if (json) {
                            out.println(mapper.writeValueAsString(row));
                        } else {
                            out.printf(Locale.ROOT, "%-28s %-20s %s%n", rule.getId(), row.get("kind"),
                                    rule.getActivityType());
                            rule.getSource().ifPresent(source -> out.println("    source: " + source));
                            rule.getStatus().ifPresent(status -> out.println("    status: " + status));
                        }
                    }
                }
                default -> throw new CommandLine.ParameterException(spec.commandLine(), "expected list or show, not '"
                        + action + "'");
            }
            return OK;
        }
    }

    /** carbon units. */
    @Command(name = "units", mixinStandardHelpOptions = true,
            description = "The units quantities can be given in: codes, what each measures, and the other names read.")
    static final class Units implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
        String format;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            ObjectMapper mapper = new ObjectMapper();
            Map<Unit, List<String>> aliases = new LinkedHashMap<>();
            for (Unit unit : Unit.physicalUnits()) {
                aliases.put(unit, new ArrayList<>());
            }
            for (String code : Unit.knownCodes()) {
                Unit unit = Unit.of(code);
                if (!unit.getCode().equals(code)) {
                    aliases.get(unit).add(code);
                }
            }
            for (Map.Entry<Unit, List<String>> entry : aliases.entrySet()) {
                Unit unit = entry.getKey();
                if (format.equals("json")) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("code", unit.getCode());
                    row.put("name", unit.getName());
                    row.put("dimension", unit.getDimension().name());
                    row.put("in_reference_unit", plain(unit.getFactorToReference()));
                    row.put("also", entry.getValue());
                    out.println(mapper.writeValueAsString(row));
                } else {
                    out.printf(Locale.ROOT, "%-13s %-19s %-22s %s%n", unit.getCode(), unit.getDimension(),
                            unit.getName(), entry.getValue().isEmpty() ? "" : "also: " + String.join(", ",
                                    entry.getValue()));
                }
            }
            if (!format.equals("json")) {
                out.println("and every ISO 4217 currency by its code (GBP, USD, CNY), for spend; codes are"
                        + " case-sensitive: kWh, not KWH");
            }
            return OK;
        }
    }
}
