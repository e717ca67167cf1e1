package dev.carbonkit.internal;

import dev.carbonkit.quantity.Quantity;
import java.math.BigDecimal;

/**
 * The one reader of decimal numbers written in files and given as text: a plain decimal ({@code 12}, {@code -0.5},
 * {@code .25}, {@code 1.5e-3}; never hexadecimal, underscores, infinities or NaN) whose value has at most
 * {@value Quantity#MAX_INTEGER_DIGITS} digits before the decimal point and {@value Quantity#MAX_FRACTION_DIGITS}
 * after it, the bounds of a {@link Quantity}, written in at most {@value #MAX_LENGTH} characters. The bounds are
 * checked on the text, in one pass, before any {@link BigDecimal} is made, so that no text (a million digits, an
 * exponent of a billion) costs more than reading it. Not part of the API; the bounds are documented in
 * docs/factor-table-format.md.
 */
public final class DecimalText {

    /** The longest text read as a number. */
    public static final int MAX_LENGTH = 200;
    /** How much of an offending value a message quotes. */
    public static final int EXCERPT = 80;

    private DecimalText() {
    }

    /**
     * Tells what is wrong with a text as a number, if anything.
     *
     * @param text  the text, not null
     * @return null if it is a plain decimal within the bounds, else what is wrong, quoting at most
     *  {@value #EXCERPT} characters of it
     */
    public static String problem(CharSequence text) {
        int length = text.length();
        if (length > MAX_LENGTH) {
            return "a number of " + length + " characters, more than " + MAX_LENGTH + ": " + excerpt(text);
        }
        int i = 0;
        if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        // the digits written, and the place of the first one that is not zero (-1 if none)
        int digits = 0;
        int firstNonZero = -1;
        int fraction = 0;
        boolean point = false;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (firstNonZero < 0 && c != '0') {
                    firstNonZero = digits;
                }
                digits++;
                fraction += point ? 1 : 0;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return "expected a decimal number, found " + excerpt(text);
        }
        long exponent = 0;
        if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            boolean negative = i < length && text.charAt(i) == '-';
            if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int start = i;
            for (; i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9'; i++) {
                // an exponent past a million is out of bounds whatever its digits; stop counting there
                exponent = Math.min(1_000_000, exponent * 10 + (text.charAt(i) - '0'));
            }
            if (i == start) {
                return "expected a decimal number, found " + excerpt(text);
            }
            exponent = negative ? -exponent : exponent;
        }
        if (i != length) {
            return "expected a decimal number, found " + excerpt(text);
        }
        // as BigDecimal will hold it: its scale, and its precision less its scale (digits before the point)
        long scale = fraction - exponent;
        long precision = firstNonZero < 0 ? 1 : digits - firstNonZero;
        if (precision - scale > Quantity.MAX_INTEGER_DIGITS) {
            return "the number " + excerpt(text) + " has more than " + Quantity.MAX_INTEGER_DIGITS
                    + " digits before the decimal point";
        }
        if (scale > Quantity.MAX_FRACTION_DIGITS) {
            return "the number " + excerpt(text) + " has more than " + Quantity.MAX_FRACTION_DIGITS
                    + " digits after the decimal point";
        }
        return null;
    }

    /**
     * Reads a text as a number within the bounds.
     *
     * @param text  the text, not null
     * @param what  what the number is, for the message, such as "grams of rule 'metro'", not null
     * @return the number, never null
     * @throws IllegalArgumentException if the text is not a plain decimal within the bounds, quoting at most
     *  {@value #EXCERPT} characters of it
     */
    public static BigDecimal parse(String text, String what) {
        String problem = problem(text);
        if (problem != null) {
            throw new IllegalArgumentException(what + ": " + problem);
        }
        return new BigDecimal(text);
    }

    /**
     * Checks that a number given as a {@link BigDecimal} is within the bounds.
     *
     * @param value  the number, not null
     * @param what  what the number is, for the message, or null
     * @return the number
     * @throws IllegalArgumentException if it has more digits before or after the point than the bounds allow
     */
    public static BigDecimal check(BigDecimal value, String what) {
        if ((long) value.precision() - value.scale() > Quantity.MAX_INTEGER_DIGITS
                || value.scale() > Quantity.MAX_FRACTION_DIGITS) {
            // the message never writes the value out in full: 1e999999999 would be a billion characters
            String beyond = "a number of " + value.precision() + " digits and scale " + value.scale() + " is beyond "
                    + Quantity.MAX_INTEGER_DIGITS + " digits before the decimal point and " + Quantity.MAX_FRACTION_DIGITS
                    + " after it";
            throw new IllegalArgumentException(what == null ? "A" + beyond.substring(1) : what + ": " + beyond);
        }
        return value;
    }

    /**
     * Quotes a value for a message: whole if it has at most {@value #EXCERPT} characters, else its first
     * {@value #EXCERPT} and its length.
     *
     * @param text  the value, not null
     * @return the quotation, such as {@code '12x'} or {@code '1111...' (5000000 characters)}
     */
    public static String excerpt(CharSequence text) {
        return excerpt(text, text.length());
    }

    /**
     * Quotes a value of which only the start is at hand, as {@link #excerpt(CharSequence)} quotes a whole one.
     *
     * @param start  the value's first characters, at least {@value #EXCERPT} of them if it has more, not null
     * @param length  the value's length in characters
     * @return the quotation, never null
     */
    public static String excerpt(CharSequence start, long length) {
        return length <= EXCERPT ? "'" + start + "'"
                : "'" + start.subSequence(0, EXCERPT) + "...' (" + length + " characters)";
    }

}
