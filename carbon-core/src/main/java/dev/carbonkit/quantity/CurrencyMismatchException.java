package dev.carbonkit.quantity;

/**
 * Thrown when amounts in two currencies meet without an exchange rate, such as converting GBP to USD, or amounts of
 * one currency at two years' prices meet without a deflator, such as USD@2024 and USD@2022.
 * <p>
 * carbonkit never converts money on its own: use {@link Quantity#convertedTo(Unit, java.math.BigDecimal)}
 * with the rate you mean.
 */
public class CurrencyMismatchException extends UnitMismatchException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception for two different currencies.
     *
     * @param first  the first currency unit, not null
     * @param second  the second currency unit, not null
     */
    public CurrencyMismatchException(Unit first, Unit second) {
        super(first.getCurrencyCode().equals(second.getCurrencyCode())
                ? "Price years differ and no deflator was given: " + first.getCode() + "/" + second.getCode()
                : "Currencies differ and no rate was given: " + first.getCode() + "/" + second.getCode(), first, second);
    }
}
