package dev.carbonkit.factor;

import dev.carbonkit.CarbonMath;
import dev.carbonkit.internal.CanonicalJson;
import dev.carbonkit.internal.Checks;
import dev.carbonkit.internal.Digests;
import dev.carbonkit.quantity.Dimension;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.quantity.Unit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A table of what money is worth in other money, from a publisher's series that the user pins: price indices by
 * currency and year (to move an amount to another year's prices, such as USD@2024 to the USD@2022 of a spend factor)
 * and exchange rates by year (to move it to another currency). carbonkit bundles none: the user loads the series
 * they are bound to (docs/spend-based.md), and every conversion names the table and its digest.
 * <p>
 * {@link #convert(Quantity, Unit, List)} converts at the year the amount was spent: first to the target currency at
 * that year's exchange rate, then to the target year's prices with the target currency's index, each a {@link Step}
 * that says what it multiplied by and where the figure came from. For example, 100 GBP@2024 to USD@2022: 100 GBP@2024
 * times the 2024 rate 1.27 is 127 USD@2024; times the USD index of 2022 over that of 2024 is the result. A figure the
 * tables do not have is a {@link MoneyConversionException} naming the currency and year.
 * <p>
 * Exact: an index ratio or an inverted rate that does not terminate is rounded once, with {@link CarbonMath#CONTEXT},
 * and the step says so.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class MoneyTable {

    /** An exchange rate: one unit of a currency is worth {@code rate} of another, in a year. */
    public static final class Rate {
        private final String from;
        private final String to;
        private final int year;
        private final BigDecimal rate;

        private Rate(String from, String to, int year, BigDecimal rate) {
            this.from = from;
            this.to = to;
            this.year = year;
            this.rate = rate;
        }

        /**
         * Gets the currency converted from, such as "GBP".
         *
         * @return the ISO 4217 code, never null
         */
        public String getFrom() {
            return from;
        }

        /**
         * Gets the currency converted to, such as "USD".
         *
         * @return the ISO 4217 code, never null
         */
        public String getTo() {
            return to;
        }

        /**
         * Gets the year the rate is for.
         *
         * @return the year
         */
        public int getYear() {
            return year;
        }

        /**
         * Gets how much of the target currency one unit of the source buys.
         *
         * @return the rate, above zero, never null
         */
        public BigDecimal getRate() {
            return rate;
        }
    }

    /** One step of a conversion: what was multiplied by what, and from which table. */
    public static final class Step {
        private final Quantity before;
        private final Quantity after;
        private final String text;

        private Step(Quantity before, Quantity after, String text) {
            this.before = before;
            this.after = after;
            this.text = text;
        }

        /**
         * Gets the amount before the step.
         *
         * @return the amount, never null
         */
        public Quantity getBefore() {
            return before;
        }

        /**
         * Gets the amount after the step.
         *
         * @return the amount, never null
         */
        public Quantity getAfter() {
            return after;
        }

        /**
         * Returns the step as the explanation shows it, such as "100 GBP@2024 x 1.27 (exchange rate GBP to USD, 2024,
         * table fx sha256:...) = 127 USD@2024".
         *
         * @return the text, never null
         */
        @Override
        public String toString() {
            return text;
        }
    }

    private final TableInfo info;
    private final SortedMap<String, SortedMap<Integer, BigDecimal>> indices;
    private final Map<String, Rate> rates;
    private final String digest;

    private MoneyTable(TableInfo info, SortedMap<String, SortedMap<Integer, BigDecimal>> indices,
            Map<String, Rate> rates) {
        this.info = info;
        this.indices = indices;
        this.rates = rates;
        Map<String, Object> canonical = new TreeMap<>();
        canonical.put("format", "carbonkit-money-table/1");
        canonical.put("table", info.getId());
        Map<String, Object> byCurrency = new TreeMap<>();
        indices.forEach((currency, years) -> {
            Map<String, Object> values = new TreeMap<>();
            years.forEach((year, value) -> values.put(Integer.toString(year), CarbonMath.normalize(value)
                    .toPlainString()));
            byCurrency.put(currency, values);
        });
        canonical.put("indices", byCurrency);
        List<Object> rateList = new ArrayList<>();
        new TreeMap<>(rates).values().forEach(rate -> rateList.add(Map.of("from", rate.from, "to", rate.to, "year",
                Integer.toString(rate.year), "rate", CarbonMath.normalize(rate.rate).toPlainString())));
        canonical.put("rates", rateList);
        this.digest = Digests.sha256(CanonicalJson.write(canonical));
    }

    /**
     * Starts a table.
     *
     * @param info  the table's id and provenance, not null
     * @return the builder, never null
     */
    public static Builder builder(TableInfo info) {
        return new Builder(Objects.requireNonNull(info, "info"));
    }

    /**
     * Gets the table's id, such as "us-bls-cpi-u".
     *
     * @return the id, never null
     */
    public String getId() {
        return info.getId();
    }

    /**
     * Gets the table's provenance: title, publisher, edition, licence.
     *
     * @return the info, never null
     */
    public TableInfo getInfo() {
        return info;
    }

    /**
     * Gets the price indices: for each currency, its index by year.
     *
     * @return the indices, sorted, unmodifiable, never null
     */
    public SortedMap<String, SortedMap<Integer, BigDecimal>> getIndices() {
        return indices;
    }

    /**
     * Gets the exchange rates.
     *
     * @return the rates, unmodifiable, never null
     */
    public List<Rate> getRates() {
        return List.copyOf(rates.values());
    }

    /**
     * Gets the SHA-256 of the table's content (its id, indices and rates), to pin it by.
     *
     * @return the digest, such as "sha256:...", never null
     */
    public String getDigest() {
        return digest;
    }

    private static String key(String from, String to, int year) {
        return from + '>' + to + '@' + year;
    }

    //-----------------------------------------------------------------------
    /**
     * Converts an amount of money to another money unit with the tables given, in order of precedence (the first
     * table that has a figure gives it).
     *
     * @param amount  money with a price year, such as 100 GBP@2024, not null
     * @param target  money with a price year, such as USD@2022, not null
     * @param tables  the tables, not null
     * @return the steps, empty if the units are the same, never null
     * @throws MoneyConversionException if a unit is not money with a price year, or a figure is missing
     */
    public static List<Step> convert(Quantity amount, Unit target, List<MoneyTable> tables) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(tables, "tables");
        Unit from = amount.getUnit();
        String fromCurrency = currency(from);
        String toCurrency = currency(target);
        int spent = from.getPriceYear().getAsInt();
        int wanted = target.getPriceYear().getAsInt();
        List<Step> steps = new ArrayList<>(2);
        Quantity current = amount;
        if (!fromCurrency.equals(toCurrency)) {
            Unit exchanged = Unit.ofMoney(toCurrency, spent);
            Step step = exchange(current, fromCurrency, toCurrency, spent, exchanged, tables);
            steps.add(step);
            current = step.after;
        }
        if (spent != wanted) {
            steps.add(deflate(current, toCurrency, spent, wanted, target, tables));
        }
        return Collections.unmodifiableList(steps);
    }

    private static String currency(Unit unit) {
        if (unit.getDimension() != Dimension.MONEY || !unit.getPriceYear().isPresent()) {
            throw new MoneyConversionException(unit.getCode(), "'" + unit.getCode() + "' is not money at a year's"
                    + " prices; write the currency and the year, such as USD@2024");
        }
        return unit.getCurrencyCode().orElseThrow(IllegalStateException::new);
    }

    private static Step exchange(Quantity amount, String from, String to, int year, Unit unit, List<MoneyTable> tables) {
        for (MoneyTable table : tables) {
            Rate direct = table.rates.get(key(from, to, year));
            if (direct != null) {
                Quantity after = Quantity.of(CarbonMath.normalize(amount.getAmount().multiply(direct.rate)), unit);
                return new Step(amount, after, amount + " x " + plain(direct.rate) + " (exchange rate " + from + " to "
                        + to + ", " + year + ", " + table.named() + ") = " + after);
            }
            Rate inverse = table.rates.get(key(to, from, year));
            if (inverse != null) {
                BigDecimal value = CarbonMath.divide(amount.getAmount(), inverse.rate);
                Quantity after = Quantity.of(CarbonMath.normalize(value), unit);
                return new Step(amount, after, amount + " / " + plain(inverse.rate) + " (exchange rate " + to + " to "
                        + from + ", " + year + ", " + table.named() + ") = " + after + rounded(amount.getAmount(),
                                inverse.rate, value));
            }
        }
        throw new MoneyConversionException(amount.getUnit().getCode(), "no exchange rate between " + from + " and "
                + to + " for " + year + " in the money tables " + ids(tables) + "; pin a table that has one");
    }

    private static Step deflate(Quantity amount, String currency, int spent, int wanted, Unit target,
            List<MoneyTable> tables) {
        for (MoneyTable table : tables) {
            SortedMap<Integer, BigDecimal> years = table.indices.get(currency);
            if (years != null && years.containsKey(spent) && years.containsKey(wanted)) {
                BigDecimal product = amount.getAmount().multiply(years.get(wanted));
                BigDecimal value = CarbonMath.divide(product, years.get(spent));
                Quantity after = Quantity.of(CarbonMath.normalize(value), target);
                return new Step(amount, after, amount + " x " + plain(years.get(wanted)) + " / "
                        + plain(years.get(spent)) + " (" + currency + " price index, " + wanted + " over " + spent + ", "
                        + table.named() + ") = " + after + rounded(product, years.get(spent), value));
            }
        }
        throw new MoneyConversionException(amount.getUnit().getCode(), "no " + currency + " price index for both "
                + spent + " and " + wanted + " in the money tables " + ids(tables) + "; pin a table that has them");
    }

    private static String rounded(BigDecimal dividend, BigDecimal divisor, BigDecimal quotient) {
        return quotient.multiply(divisor).compareTo(dividend) == 0 ? ""
                : " (rounded to " + CarbonMath.CONTEXT.getPrecision() + " significant digits)";
    }

    private static String plain(BigDecimal value) {
        return CarbonMath.normalize(value).toPlainString();
    }

    private String named() {
        return "table " + getId() + " " + digest;
    }

    private static List<String> ids(List<MoneyTable> tables) {
        List<String> ids = new ArrayList<>();
        tables.forEach(table -> ids.add(table.getId()));
        return ids;
    }

    /**
     * Returns a summary such as "MoneyTable[us-cpi, 3 indices, 2 rates, sha256:...]".
     *
     * @return the summary, never null
     */
    @Override
    public String toString() {
        int count = 0;
        for (SortedMap<Integer, BigDecimal> years : indices.values()) {
            count += years.size();
        }
        return "MoneyTable[" + getId() + ", " + count + " indices, " + rates.size() + " rates, " + digest + "]";
    }

    //-----------------------------------------------------------------------
    /**
     * Builds a money table. Not thread-safe.
     */
    public static final class Builder {
        private final TableInfo info;
        private final SortedMap<String, SortedMap<Integer, BigDecimal>> indices = new TreeMap<>();
        private final Map<String, Rate> rates = new LinkedHashMap<>();

        private Builder(TableInfo info) {
            this.info = info;
        }

        /**
         * Adds a currency's price index for a year.
         *
         * @param currency  the ISO 4217 code, such as "USD", not null
         * @param year  the year
         * @param value  the index, above zero, not null
         * @return this builder, never null
         * @throws IllegalArgumentException if a value is out of range or already given
         */
        public Builder index(String currency, int year, BigDecimal value) {
            Unit.ofMoney(Objects.requireNonNull(currency, "currency"), year);
            positive(value, "index of " + currency + " " + year);
            if (indices.computeIfAbsent(currency, c -> new TreeMap<>()).putIfAbsent(year, value) != null) {
                throw new IllegalArgumentException("The index of " + currency + " for " + year + " is given twice");
            }
            return this;
        }

        /**
         * Adds an exchange rate: one {@code from} is worth {@code rate} {@code to} in a year.
         *
         * @param from  the ISO 4217 code converted from, not null
         * @param to  the ISO 4217 code converted to, another, not null
         * @param year  the year
         * @param rate  the rate, above zero, not null
         * @return this builder, never null
         * @throws IllegalArgumentException if a value is out of range, the currencies are the same, or the rate (or
         *     its inverse) is already given
         */
        public Builder rate(String from, String to, int year, BigDecimal rate) {
            Unit.ofMoney(Objects.requireNonNull(from, "from"), year);
            Unit.ofMoney(Objects.requireNonNull(to, "to"), year);
            if (from.equals(to)) {
                throw new IllegalArgumentException("An exchange rate is between two currencies, not " + from + " and"
                        + " itself");
            }
            positive(rate, "rate " + from + " to " + to + " " + year);
            if (rates.containsKey(key(from, to, year)) || rates.containsKey(key(to, from, year))) {
                throw new IllegalArgumentException("The rate between " + from + " and " + to + " for " + year
                        + " is given twice");
            }
            rates.put(key(from, to, year), new Rate(from, to, year, rate));
            return this;
        }

        private static void positive(BigDecimal value, String what) {
            Objects.requireNonNull(value, what);
            CarbonMath.checkBounds(value);
            if (value.signum() <= 0) {
                throw new IllegalArgumentException("The " + Checks.cut(what, 80) + " must be above zero: "
                        + value.toPlainString());
            }
        }

        /**
         * Builds the table.
         *
         * @return the table, never null
         */
        public MoneyTable build() {
            SortedMap<String, SortedMap<Integer, BigDecimal>> copy = new TreeMap<>();
            indices.forEach((currency, years) -> copy.put(currency, Collections.unmodifiableSortedMap(
                    new TreeMap<>(years))));
            return new MoneyTable(info, Collections.unmodifiableSortedMap(copy),
                    Collections.unmodifiableMap(new LinkedHashMap<>(rates)));
        }
    }
}
