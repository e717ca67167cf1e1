package dev.carbonkit.emissions;

import dev.carbonkit.UnknownCodeException;
import dev.carbonkit.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A greenhouse gas whose emissions a factor reports, such as CO2 or N2O.
 * <p>
 * Methane appears three times because AR6 weighs it by origin: {@link #CH4_FOSSIL} (fuel combustion: cars,
 * gas boilers, grid electricity; 29.8 under AR6), {@link #CH4_NON_FOSSIL} (biogenic: food, landfill, wood;
 * 27.0) and {@link #CH4} when the origin is not stated (27.9). Under AR4 and AR5 all three weigh the same.
 * <p>
 * This enum is immutable and thread-safe.
 */
public enum Gas {
    /** Carbon dioxide. */
    CO2("CO2"),
    /** Methane of unstated origin. */
    CH4("CH4"),
    /** Methane from fossil sources. */
    CH4_FOSSIL("CH4-fossil"),
    /** Methane from biogenic (non-fossil) sources. */
    CH4_NON_FOSSIL("CH4-non-fossil"),
    /** Nitrous oxide. */
    N2O("N2O"),
    /** Sulphur hexafluoride. */
    SF6("SF6"),
    /** Nitrogen trifluoride. */
    NF3("NF3");

    private final String code;

    Gas(String code) {
        this.code = code;
    }

    /**
     * Obtains a gas from its code, such as "CH4-fossil".
     *
     * @param code  the code, not null
     * @return the gas, never null
     * @throws UnknownCodeException if the code is not a gas, with the closest code as a hint
     */
    public static Gas of(String code) {
        Objects.requireNonNull(code, "code");
        List<String> codes = new ArrayList<>();
        for (Gas gas : values()) {
            if (gas.code.equals(code)) {
                return gas;
            }
            codes.add(gas.code);
        }
        throw new UnknownCodeException("gas", code, Checks.suggest(code, codes));
    }

    /**
     * Gets the gas's code, such as "CH4-fossil".
     *
     * @return the code, never null
     */
    public String getCode() {
        return code;
    }

    /**
     * Returns the code.
     *
     * @return the code, never null
     */
    @Override
    public String toString() {
        return code;
    }
}
