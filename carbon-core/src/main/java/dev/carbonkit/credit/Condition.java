package dev.carbonkit.credit;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.internal.DecimalText;
import dev.carbonkit.internal.Decimals;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A test on one attribute of an activity, such as 'amount_cny &gt;= 1' or 'evidence in [operator_record]'.
 * An activity without the attribute fails every condition on it.
 */
public final class Condition {
    private final String attribute;
    private final Operator operator;
    private final List<String> values;

    /** How a condition compares. */
    public enum Operator {
        /** The attribute equals the single value. */
        EQUALS,
        /** The attribute equals one of the values. */
        IN,
        /** The attribute, as a decimal, is greater than or equal to the single value. */
        AT_LEAST,
        /** The attribute, as a decimal, is less than or equal to the single value. */
        AT_MOST
    }

    /**
     * Checks the components.
     *
     * @param attribute  the attribute's name
     * @param operator  how to compare
     * @param values  the values
     */
    public Condition(String attribute, Operator operator, List<String> values) {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(operator, "operator");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Condition on '" + attribute + "' needs a value");
        }
        if (operator == Operator.AT_LEAST || operator == Operator.AT_MOST) {
            DecimalText.parse(values.get(0), "the value of a condition on '" + attribute + "'");
        }
        this.attribute = attribute;
        this.operator = operator;
        this.values = values;
    }

    /**
     * Obtains a condition 'attribute equals value'.
     *
     * @param attribute  the attribute, not null
     * @param value  the value, not null
     * @return the condition, never null
     */
    public static Condition equalTo(String attribute, String value) {
        return new Condition(attribute, Operator.EQUALS, List.of(value));
    }

    /**
     * Obtains a condition 'attribute, as a decimal, is at least value'.
     *
     * @param attribute  the attribute, not null
     * @param value  the decimal, not null
     * @return the condition, never null
     */
    public static Condition atLeast(String attribute, String value) {
        return new Condition(attribute, Operator.AT_LEAST, List.of(value));
    }

    /**
     * Tells whether an activity meets the condition.
     *
     * @param activity  the activity, not null
     * @return true if it does; false if the attribute is missing, or not a decimal where one is needed
     */
    public boolean test(Activity activity) {
        String actual = activity.getAttributes().get(attribute);
        if (actual == null) {
            return false;
        }
        return switch (operator) {
            case EQUALS -> actual.equals(values.get(0));
            case IN -> values.contains(actual);
            case AT_LEAST, AT_MOST -> {
                // plain decimals, the usual case, are compared from their text; any other form is parsed
                int quick = Decimals.compare(actual, values.get(0));
                if (quick != Decimals.UNDECIDED) {
                    yield operator == Operator.AT_LEAST ? quick >= 0 : quick <= 0;
                }
                // an attribute comes from the activity: a text that is not a number within the bounds is not compared
                if (DecimalText.problem(actual) != null) {
                    yield false;
                }
                BigDecimal number = new BigDecimal(actual);
                int comparison = number.compareTo(new BigDecimal(values.get(0)));
                yield operator == Operator.AT_LEAST ? comparison >= 0 : comparison <= 0;
            }
        };
    }

    /**
     * Returns the form "amount_cny AT_LEAST [1]".
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return attribute + " " + operator + " " + values;
    }

    /**
     * Gets the attribute's name.
     *
     * @return the attribute's name, not null
     */
    public String getAttribute() {
        return attribute;
    }

    /**
     * Gets the operator: how to compare.
     *
     * @return how to compare, not null
     */
    public Operator getOperator() {
        return operator;
    }

    /**
     * Gets the value or values to compare with, at least one.
     *
     * @return the value or values to compare with, at least one, not null
     */
    public List<String> getValues() {
        return values;
    }

    @Override
    public boolean equals(Object obj) {
        return obj == this || obj instanceof Condition other
                && java.util.Objects.equals(attribute, other.attribute)
                        && java.util.Objects.equals(operator, other.operator)
                        && java.util.Objects.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(attribute, operator, values);
    }
}
