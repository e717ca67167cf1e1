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
 * 27.0) and {@link #CH4} when the origin is not stated (27.9). Under AR4 and AR5 all three weigh the same. The
 * hydrofluorocarbons and perfluorocarbons are those the US EPA's supply-chain factors report gas by gas.
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
    NF3("NF3"),
    /** HFC-23, trifluoromethane. */
    HFC_23("HFC-23"),
    /** HFC-32, difluoromethane. */
    HFC_32("HFC-32"),
    /** HFC-125, pentafluoroethane. */
    HFC_125("HFC-125"),
    /** HFC-134a, 1,1,1,2-tetrafluoroethane. */
    HFC_134A("HFC-134a"),
    /** HFC-143a, 1,1,1-trifluoroethane. */
    HFC_143A("HFC-143a"),
    /** HFC-236fa, 1,1,1,3,3,3-hexafluoropropane. */
    HFC_236FA("HFC-236fa"),
    /** PFC-14, carbon tetrafluoride. */
    CF4("CF4"),
    /** PFC-116, hexafluoroethane. */
    C2F6("C2F6"),
    /** PFC-218, perfluoropropane. */
    C3F8("C3F8"),
    /** PFC-318, perfluorocyclobutane. */
    C_C4F8("c-C4F8"),
    /** PFC-31-10, perfluorobutane. */
    C4F10("C4F10"),
    /** PFC-51-14, perfluorohexane. */
    C6F14("C6F14"),
    /**
     * Hydrofluorocarbons and perfluorocarbons of unstated composition, whose amount a publisher gives as CO2e, not as
     * a mass: the US EPA's supply-chain factors' "HFCs and PFCs, unspecified", in kg CO2e (AR5). Its GWP is 1 in
     * every set, so a re-weighting keeps it as published: it cannot be re-weighted, its gases being unknown.
     */
    HFC_PFC_UNSPECIFIED("HFCs-PFCs-unspecified");

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
