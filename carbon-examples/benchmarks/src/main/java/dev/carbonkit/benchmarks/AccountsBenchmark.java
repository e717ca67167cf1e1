package dev.carbonkit.benchmarks;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.credit.CarbonAccounts;
import dev.carbonkit.credit.InMemoryLedgerStore;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factors.BundledRules;
import dev.carbonkit.quantity.Quantity;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One personal carbon account under the bundled Ant Forest rule set, in memory: what an award costs as the account's
 * history grows. A day of the account is 15 activities: 11 offline payments (the daily cap of 10 leaves the last
 * capped), 3 metro rides and a bus ride paid with Alipay, and a utility bill every tenth day.
 * <ul>
 * <li>{@code inTimeOrder}: the next 1,000 activities of the account, each later than every other, after
 * {@code awards} of them; the score is the time per award;</li>
 * <li>{@code lateRecent}: 100 payments each reported late, early in one of the account's last 30 days, so that each
 * changes that day's cap (its tenth paying payment is now capped: two reversals); time per late award;</li>
 * <li>{@code lateAnywhere}: the same in a day anywhere in the account's history.</li>
 * </ul>
 * Each iteration builds the account afresh (its time is not measured), so that the account has {@code awards}
 * activities when the measured awards begin. Run, for example:
 * <pre>
 * java -jar carbon-examples/benchmarks/target/benchmarks.jar -f 1 -wi 2 -i 5 AccountsBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, batchSize = 1)
@Measurement(iterations = 5, batchSize = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class AccountsBenchmark {

    static final int PER_DAY = 15;
    static final int IN_ORDER = 1_000;
    static final int LATE = 100;
    static final int WARM = 200_000;
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDateTime FIRST_DAY = LocalDateTime.of(2024, 1, 1, 0, 0);

    /** How many activities the account has when the measured awards begin. */
    @Param({"1000", "100000", "1000000"})
    public int awards;

    private final RuleSet ant = BundledRules.ruleSet("cn-alipay-ant-forest");
    private CarbonAccounts accounts;
    private int next;
    private int late;

    /** The {@code index}-th activity of the account in time order: 15 a day, from 1 January 2024. */
    static Activity activity(String account, int index) {
        int day = index / PER_DAY;
        int slot = index % PER_DAY;
        LocalDateTime time = FIRST_DAY.plusDays(day).plusHours(7).plusMinutes(50L * slot + 10);
        Activity.Builder builder = Activity.builder("a" + index).account(account).region(Region.of("CN"))
                .time(time.atZone(SHANGHAI).toInstant(), SHANGHAI).quantity(Quantity.parse("1 count"));
        if (slot < 11) {
            builder.type(slot == 10 && day % 10 == 0 ? "payment.utility" : "payment.offline")
                    .attribute("amount_cny", "12").attribute("utilityAccountNo", "U1");
        } else {
            builder.type(slot == 14 ? "transport.bus" : "transport.rail.underground").attribute("payment", "alipay");
        }
        return builder.build();
    }

    /** A payment reported late, at 00:01 of a day of the account. */
    static Activity latePayment(String account, int day, int n) {
        return Activity.builder("late" + n).account(account).region(Region.of("CN")).type("payment.offline")
                .time(FIRST_DAY.plusDays(day).plusMinutes(1).atZone(SHANGHAI).toInstant(), SHANGHAI)
                .quantity(Quantity.parse("1 count")).attribute("amount_cny", "8").build();
    }

    /**
     * Warms the code up once per fork, on an account of its own (200,000 activities, then 2,000 late ones), so that the
     * smallest account is not measured while the code is still being compiled.
     */
    @Setup(Level.Trial)
    public void warmUp() {
        CarbonAccounts warm = new CarbonAccounts(ant, new InMemoryLedgerStore());
        for (int i = 0; i < WARM; i++) {
            warm.award(activity("warm", i));
        }
        Random random = new Random(1);
        for (int i = 0; i < 2_000; i++) {
            warm.award(latePayment("warm", random.nextInt(WARM / PER_DAY), i));
        }
    }

    /** Builds the account with {@code awards} activities in time order. */
    @Setup(Level.Iteration)
    public void build() {
        accounts = new CarbonAccounts(ant, new InMemoryLedgerStore());
        for (int i = 0; i < awards; i++) {
            accounts.award(activity("alice", i));
        }
        next = awards;
        late = 0;
    }

    /**
     * Awards the account's next 1,000 activities, in time order.
     *
     * @return the accounts
     */
    @Benchmark
    @OperationsPerInvocation(IN_ORDER)
    public Object inTimeOrder() {
        for (int i = 0; i < IN_ORDER; i++) {
            accounts.award(activity("alice", next++));
        }
        return accounts;
    }

    /**
     * Awards 100 payments reported late, each in one of the account's last 30 days.
     *
     * @return the accounts
     */
    @Benchmark
    @OperationsPerInvocation(LATE)
    public Object lateRecent() {
        return late(30);
    }

    /**
     * Awards 100 payments reported late, each in a day anywhere in the account's history.
     *
     * @return the accounts
     */
    @Benchmark
    @OperationsPerInvocation(LATE)
    public Object lateAnywhere() {
        return late(Integer.MAX_VALUE);
    }

    /** Awards 100 payments reported late, each in one of the account's last {@code span} days. */
    private Object late(int span) {
        int days = awards / PER_DAY;
        Random random = new Random(late);
        for (int i = 0; i < LATE; i++) {
            accounts.award(latePayment("alice", days - 1 - random.nextInt(Math.min(span, days)), late++));
        }
        return accounts;
    }
}
