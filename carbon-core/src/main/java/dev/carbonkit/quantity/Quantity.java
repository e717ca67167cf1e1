package dev.carbonkit.quantity;

import dev.carbonkit.CarbonMath;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exact amount of something in a unit, such as '12.5 km' or '3.2 kWh'.
 * <p>
 * The amount is a {@link BigDecimal} kept exactly as given (including its scale, so '12.50 km' and
 * '12.5 km' are equal numerically but not {@code equals}). Conversions within a dimension are exact
 * rationals: {@link #to(Unit)} returns the exact result or throws when the decimal expansion does not
 * terminate (km to miles), in which case {@link #to(Unit, MathContext)} states how to round. Operations
 * across dimensions throw {@link DimensionMismatchException}, naming both units.
 * <p>
 * Amounts entering through {@code of} and {@link #parse(CharSequence)} are bounded so that hostile input
 * cannot exhaust memory: at most {@value #MAX_INTEGER_DIGITS} digits before the decimal point and
 * {@value #MAX_FRACTION_DIGITS} after it. Anything beyond is absurd for a person's activity and is rejected
 * with {@link InvalidQuantityException}. Results of arithmetic on bounded quantities are not re-checked: a
 * conversion under a 200-digit {@link MathContext} returns its 200 digits.
 * <p>
 * This class is immutable and thread-safe. It is value-based: compare with {@code equals} or
 * {@link #isEqualTo(Quantity)}, not {@code ==}, and do not synchronise on it.
 */
public final class Quantity implements Comparable<Quantity> {

    /** The most digits an amount may have before the decimal point. */
    public static final int MAX_INTEGER_DIGITS = 40;
    /** The most digits an amount may have after the decimal point. */
    public static final int MAX_FRACTION_DIGITS = 100;

    private static final Pattern FORMAT = Pattern.compile("([+-]?[0-9]+(?:\\.[0-9]+)?) (\\S+)");

    /** Products of two dimensions that make a third: distance x count of passengers, mass x distance. */
    private static final Map<Dimension, Map<Dimension, Dimension>> PRODUCTS = Map.of(
            Dimension.DISTANCE, Map.of(Dimension.COUNT, Dimension.PASSENGER_DISTANCE,
                    Dimension.MASS, Dimension.MASS_DISTANCE),
            Dimension.COUNT, Map.of(Dimension.DISTANCE, Dimension.PASSENGER_DISTANCE),
            Dimension.MASS, Map.of(Dimension.DISTANCE, Dimension.MASS_DISTANCE));

    private final BigDecimal amount;
    private final Unit unit;

    private Quantity(BigDecimal amount, Unit unit) {
        this.amount = amount;
        this.unit = unit;
    }

    //-----------------------------------------------------------------------
    /**
     * Obtains a quantity from an amount and a unit.
     * <p>
     * For example, {@code of(new BigDecimal("12.5"), Unit.KILOMETRE)} is '12.5 km'. A negative scale is
     * normalised to zero ({@code 1E+2} becomes {@code 100}) so that equal quantities print equally.
     *
     * @param amount  the amount, not null
     * @param unit  the unit, not null
     * @return the quantity, never null
     * @throws InvalidQuantityException if the amount has more digits than the documented bounds
     */
    public static Quantity of(BigDecimal amount, Unit unit) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(unit, "unit");
        return new Quantity(checkBounds(amount), unit);
    }

    /**
     * Obtains a quantity from a decimal written as text and a unit.
     * <p>
     * For example, {@code of("0.26473", Unit.MILE)}. The text is read by {@link BigDecimal#BigDecimal(String)},
     * so it is exact: {@code "0.1"} is one tenth, never the nearest {@code double}.
     *
     * @param amount  the amount as decimal text, not null
     * @param unit  the unit, not null
     * @return the quantity, never null
     * @throws QuantityParseException if the text is not a decimal number
     * @throws InvalidQuantityException if the amount has more digits than the documented bounds
     */
    public static Quantity of(String amount, Unit unit) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(unit, "unit");
        return of(parseAmount(amount), unit);
    }

    /**
     * Obtains a quantity from a whole amount and a unit, such as '3 room-night'.
     *
     * @param amount  the amount
     * @param unit  the unit, not null
     * @return the quantity, never null
     */
    public static Quantity of(long amount, Unit unit) {
        return of(BigDecimal.valueOf(amount), unit);
    }

    /**
     * Obtains a zero quantity in a unit.
     *
     * @param unit  the unit, not null
     * @return the quantity '0 unit', never null
     */
    public static Quantity zero(Unit unit) {
        return of(BigDecimal.ZERO, unit);
    }

    /**
     * Parses the form that {@link #toString()} writes: a plain decimal, one space, a unit code.
     * <p>
     * For example, {@code "12.5 km"}, {@code "-3 kWh"}, {@code "8.5 passenger.km"} or {@code "12.50 GBP"}.
     * Exponents, grouping separators and locale-specific digits are not accepted.
     *
     * @param text  the text to parse, not null
     * @return the quantity, never null
     * @throws QuantityParseException if the text is not of that form
     * @throws UnknownUnitException if the unit code is not known
     * @throws InvalidQuantityException if the amount has more digits than the documented bounds
     */
    public static Quantity parse(CharSequence text) {
        Objects.requireNonNull(text, "text");
        String string = text.toString();
        Matcher matcher = FORMAT.matcher(string);
        if (!matcher.matches()) {
            throw new QuantityParseException("Quantity must be a plain decimal, one space and a unit code",
                    string, firstBadIndex(string));
        }
        return of(parseAmount(matcher.group(1)), Unit.of(matcher.group(2)));
    }

    private static int firstBadIndex(String text) {
        int space = text.indexOf(' ');
        String number = space < 0 ? text : text.substring(0, space);
        if (!number.matches("[+-]?[0-9]+(\\.[0-9]+)?")) {
            for (int i = 0; i < number.length(); i++) {
                char c = number.charAt(i);
                boolean ok = Character.isDigit(c) && c < 128 || (i == 0 && (c == '+' || c == '-')) || c == '.';
                if (!ok) {
                    return i;
                }
            }
            return Math.max(0, number.length() - 1);
        }
        return space < 0 ? text.length() : space + 1;
    }

    private static BigDecimal parseAmount(String text) {
        if (text.length() > MAX_INTEGER_DIGITS + MAX_FRACTION_DIGITS + 2) {
            throw new InvalidQuantityException(text.substring(0, 20) + "...",
                    "Amount has more digits than allowed (" + text.length() + " characters)");
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException notDecimal) {
            throw new QuantityParseException("Not a decimal number", text, 0);
        }
    }

    /** A result of arithmetic on bounded quantities: normalised, not bounds-checked (see class doc). */
    private static Quantity computed(BigDecimal amount, Unit unit) {
        return new Quantity(amount.scale() < 0 ? amount.setScale(0) : amount, unit);
    }

    private static BigDecimal checkBounds(BigDecimal amount) {
        BigDecimal plain = amount.getClass() == BigDecimal.class ? amount
                : new BigDecimal(amount.unscaledValue(), amount.scale());
        int integerDigits = plain.precision() - plain.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            throw new InvalidQuantityException(plain.toString(),
                    "Amount " + plain + " has " + integerDigits + " integer digits; at most "
                            + MAX_INTEGER_DIGITS + " are allowed");
        }
        if (plain.scale() > MAX_FRACTION_DIGITS) {
            throw new InvalidQuantityException(plain.toString(),
                    "Amount " + plain + " has " + plain.scale() + " fraction digits; at most "
                            + MAX_FRACTION_DIGITS + " are allowed");
        }
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    //-----------------------------------------------------------------------
    /**
     * Gets the amount, exactly as held.
     *
     * @return the amount, never null
     */
    public BigDecimal getAmount() {
        return amount;
    }

    /**
     * Gets the unit.
     *
     * @return the unit, never null
     */
    public Unit getUnit() {
        return unit;
    }

    /**
     * Gets the dimension of the unit.
     *
     * @return the dimension, never null
     */
    public Dimension getDimension() {
        return unit.getDimension();
    }

    /**
     * Tells whether the amount is zero.
     *
     * @return true if zero
     */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /**
     * Tells whether the amount is below zero.
     *
     * @return true if negative
     */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    //-----------------------------------------------------------------------
    /**
     * Converts to another unit of the same dimension, exactly.
     * <p>
     * For example, '12 mi' to km is '19.312128 km', and '500 lb' to short-ton is '0.25 short-ton'.
     * The result is normalised (no trailing zeros). Converting to the same unit returns {@code this}.
     *
     * @param target  the unit to convert to, not null
     * @return the converted quantity, never null
     * @throws DimensionMismatchException if the target unit has another dimension
     * @throws CurrencyMismatchException if both are money in different currencies
     * @throws ArithmeticException if the exact result does not terminate, such as '1 km' in miles; use
     *     {@link #to(Unit, MathContext)} then
     */
    public Quantity to(Unit target) {
        Objects.requireNonNull(target, "target");
        if (target.equals(unit)) {
            return this;
        }
        unit.checkConvertibleTo(target);
        BigDecimal reference = amount.multiply(unit.getFactorToReference());
        try {
            return computed(CarbonMath.normalize(reference.divide(target.getFactorToReference())), target);
        } catch (ArithmeticException nonTerminating) {
            throw new ArithmeticException("Converting " + this + " to " + target
                    + " has no exact decimal result; pass a MathContext to say how to round");
        }
    }

    /**
     * Converts to another unit of the same dimension, rounding with the given context only if the exact
     * result does not terminate.
     * <p>
     * For example, '1 km' to mi with {@link CarbonMath#CONTEXT} is
     * '0.6213711922373339696174341843633182 mi'.
     *
     * @param target  the unit to convert to, not null
     * @param mathContext  how to round a result that does not terminate, not null
     * @return the converted quantity, never null
     * @throws DimensionMismatchException if the target unit has another dimension
     * @throws CurrencyMismatchException if both are money in different currencies
     */
    public Quantity to(Unit target, MathContext mathContext) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(mathContext, "mathContext");
        if (target.equals(unit)) {
            return this;
        }
        unit.checkConvertibleTo(target);
        BigDecimal reference = amount.multiply(unit.getFactorToReference());
        BigDecimal divisor = target.getFactorToReference();
        BigDecimal result = CarbonMath.dividesExactly(reference, divisor)
                ? reference.divide(divisor) : reference.divide(divisor, mathContext);
        return computed(CarbonMath.normalize(result), target);
    }

    /**
     * Converts money to another currency at an explicit rate, the only way carbonkit converts money.
     * <p>
     * For example, '10 GBP' converted to USD at 1.27 is '12.70 USD'.
     *
     * @param currency  the target currency unit, not null
     * @param rate  how many target units one unit of this currency buys, not null
     * @return the converted quantity, never null
     * @throws IllegalArgumentException if either unit is not money
     */
    public Quantity convertedTo(Unit currency, BigDecimal rate) {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(rate, "rate");
        if (getDimension() != Dimension.MONEY || currency.getDimension() != Dimension.MONEY) {
            throw new IllegalArgumentException("Only money converts at a rate: " + unit + " to " + currency);
        }
        return computed(amount.multiply(rate), currency);
    }

    //-----------------------------------------------------------------------
    /**
     * Adds another quantity of the same dimension, converting it exactly to this unit.
     * <p>
     * For example, '1 km' plus '500 m' is '1.5 km'.
     *
     * @param quantityToAdd  the quantity to add, not null
     * @return the sum in this unit, never null
     * @throws DimensionMismatchException if the dimensions differ
     * @throws CurrencyMismatchException if both are money in different currencies
     * @throws ArithmeticException if the other quantity has no exact value in this unit
     */
    public Quantity plus(Quantity quantityToAdd) {
        Objects.requireNonNull(quantityToAdd, "quantityToAdd");
        return computed(amount.add(quantityToAdd.to(unit).amount), unit);
    }

    /**
     * Subtracts another quantity of the same dimension, converting it exactly to this unit.
     *
     * @param quantityToSubtract  the quantity to subtract, not null
     * @return the difference in this unit, never null
     * @throws DimensionMismatchException if the dimensions differ
     * @throws CurrencyMismatchException if both are money in different currencies
     * @throws ArithmeticException if the other quantity has no exact value in this unit
     */
    public Quantity minus(Quantity quantityToSubtract) {
        Objects.requireNonNull(quantityToSubtract, "quantityToSubtract");
        return computed(amount.subtract(quantityToSubtract.to(unit).amount), unit);
    }

    /**
     * Multiplies the amount by a number, exactly.
     *
     * @param valueToMultiplyBy  the multiplier, not null
     * @return the product in this unit, never null
     */
    public Quantity multipliedBy(BigDecimal valueToMultiplyBy) {
        Objects.requireNonNull(valueToMultiplyBy, "valueToMultiplyBy");
        return computed(amount.multiply(valueToMultiplyBy), unit);
    }

    /**
     * Multiplies by a quantity of another dimension where the product is a dimension carbonkit knows:
     * distance times a count of passengers is passenger-distance, and mass times distance is mass-distance.
     * <p>
     * For example, '200 km' times '1 count' is '200 pkm', '12 mi' times '2 count' is '24 pmi', and
     * '2 t' times '150 km' is '300 tkm'. When no unit matches the product exactly, the result is in the
     * reference unit (pkm or tkm).
     *
     * @param other  the other quantity, not null
     * @return the product, never null
     * @throws DimensionMismatchException if the two dimensions do not make a known product
     */
    public Quantity multipliedBy(Quantity other) {
        Objects.requireNonNull(other, "other");
        Dimension product = PRODUCTS.getOrDefault(getDimension(), Map.of()).get(other.getDimension());
        if (product == null) {
            throw new DimensionMismatchException(unit, other.unit);
        }
        BigDecimal factor = unit.getFactorToReference().multiply(other.unit.getFactorToReference());
        if (getDimension() == Dimension.MASS || other.getDimension() == Dimension.MASS) {
            factor = factor.movePointLeft(3); // kg x km is 0.001 tkm
        }
        BigDecimal value = amount.multiply(other.amount);
        for (Unit candidate : Unit.physicalUnits()) {
            if (candidate.getDimension() == product && candidate.getFactorToReference().compareTo(factor) == 0) {
                return computed(value, candidate);
            }
        }
        Unit reference = product == Dimension.PASSENGER_DISTANCE ? Unit.PASSENGER_KILOMETRE : Unit.TONNE_KILOMETRE;
        return computed(CarbonMath.normalize(value.multiply(factor)), reference);
    }

    /**
     * Returns the quantity with the amount negated.
     *
     * @return the negated quantity, never null
     */
    public Quantity negated() {
        return amount.signum() == 0 ? this : computed(amount.negate(), unit);
    }

    /**
     * Rounds the amount for presentation, keeping the unit.
     *
     * @param scale  the number of decimal places
     * @param roundingMode  how to round, not null
     * @return the rounded quantity, never null
     */
    public Quantity rounded(int scale, RoundingMode roundingMode) {
        Objects.requireNonNull(roundingMode, "roundingMode");
        return computed(amount.setScale(scale, roundingMode), unit);
    }

    //-----------------------------------------------------------------------
    /**
     * Compares the size of two quantities of the same dimension, exactly, converting as needed.
     * <p>
     * This ordering is consistent with {@link #isEqualTo(Quantity)}, not with {@code equals}: '1 km' and
     * '1000 m' compare as equal but are not {@code equals}.
     *
     * @param other  the other quantity, not null
     * @return negative, zero or positive as this is less than, equal to or greater than the other
     * @throws DimensionMismatchException if the dimensions differ
     * @throws CurrencyMismatchException if both are money in different currencies
     */
    @Override
    public int compareTo(Quantity other) {
        Objects.requireNonNull(other, "other");
        unit.checkConvertibleTo(other.unit);
        return amount.multiply(unit.getFactorToReference())
                .compareTo(other.amount.multiply(other.unit.getFactorToReference()));
    }

    /**
     * Tells whether two quantities of the same dimension are the same size, such as '1 km' and '1000 m'.
     *
     * @param other  the other quantity, not null
     * @return true if equal in size
     * @throws DimensionMismatchException if the dimensions differ
     */
    public boolean isEqualTo(Quantity other) {
        return compareTo(other) == 0;
    }

    /**
     * Tells whether this quantity is larger than another of the same dimension.
     *
     * @param other  the other quantity, not null
     * @return true if larger
     * @throws DimensionMismatchException if the dimensions differ
     */
    public boolean isGreaterThan(Quantity other) {
        return compareTo(other) > 0;
    }

    /**
     * Tells whether this quantity is smaller than another of the same dimension.
     *
     * @param other  the other quantity, not null
     * @return true if smaller
     * @throws DimensionMismatchException if the dimensions differ
     */
    public boolean isLessThan(Quantity other) {
        return compareTo(other) < 0;
    }

    //-----------------------------------------------------------------------
    /**
     * Compares amount (including scale) and unit, so that equal quantities print equally.
     *
     * @param obj  the other object
     * @return true if the same amount, scale and unit
     */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof Quantity other && amount.equals(other.amount) && unit.equals(other.unit);
    }

    @Override
    public int hashCode() {
        return amount.hashCode() * 31 + unit.hashCode();
    }

    /**
     * Returns the canonical text, a plain decimal, one space and the unit code, such as "12.5 km".
     * {@link #parse(CharSequence)} reads it back to an equal quantity. It does not depend on the locale.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + unit.getCode();
    }
}
