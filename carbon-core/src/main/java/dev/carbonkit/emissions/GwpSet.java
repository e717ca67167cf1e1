package dev.carbonkit.emissions;

import dev.carbonkit.UnknownCodeException;
import dev.carbonkit.internal.Checks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A set of 100-year global warming potentials, such as IPCC AR5, that turns a mass of a gas into CO2e.
 * <p>
 * The values are the IPCC's GWP-100 (exact decimals):
 * <table>
 * <caption>GWP-100 by set</caption>
 * <tr><th>gas</th><th>AR4</th><th>AR5</th><th>AR6</th></tr>
 * <tr><td>CO2</td><td>1</td><td>1</td><td>1</td></tr>
 * <tr><td>CH4 (origin not stated)</td><td>25</td><td>28</td><td>27.9</td></tr>
 * <tr><td>CH4 fossil</td><td>25</td><td>28</td><td>29.8</td></tr>
 * <tr><td>CH4 non-fossil</td><td>25</td><td>28</td><td>27.0</td></tr>
 * <tr><td>N2O</td><td>298</td><td>265</td><td>273</td></tr>
 * <tr><td>SF6</td><td>22800</td><td>23500</td><td>25200</td></tr>
 * <tr><td>NF3</td><td>17200</td><td>16100</td><td>17400</td></tr>
 * <tr><td>HFC-23, HFC-32, HFC-125, HFC-134a, HFC-143a, HFC-236fa</td><td>14800, 675, 3500, 1430, 4470, 9810</td>
 * <td>12400, 677, 3170, 1300, 4800, 8060</td><td>14600, 771, 3740, 1530, 5810, 8690</td></tr>
 * <tr><td>CF4, C2F6, C3F8, c-C4F8, C4F10, C6F14</td><td>7390, 12200, 8830, 10300, 8860, 9300</td>
 * <td>6630, 11100, 8900, 9540, 9200, 7910</td><td>7380, 12400, 9290, 10200, 10000, 8620</td></tr>
 * <tr><td>HFCs-PFCs-unspecified (an amount given as CO2e: {@link Gas#HFC_PFC_UNSPECIFIED})</td><td>1</td><td>1</td>
 * <td>1</td></tr>
 * </table>
 * AR5 lists 30 for fossil methane (with the CO2 from its oxidation); the publishers carbonkit reads
 * (DESNZ, EPA) apply 28 to all methane under AR5, and so does carbonkit. AR6's fossil and non-fossil
 * methane values are from AR6 WG1 chapter 7, table 7.15.
 * <p>
 * This enum is immutable and thread-safe.
 */
public enum GwpSet {
    /** IPCC Fourth Assessment Report (2007). */
    AR4("25", "25", "25", "298", "22800", "17200",
            "14800 675 3500 1430 4470 9810 7390 12200 8830 10300 8860 9300"),
    /** IPCC Fifth Assessment Report (2013), without climate-carbon feedback. */
    AR5("28", "28", "28", "265", "23500", "16100",
            "12400 677 3170 1300 4800 8060 6630 11100 8900 9540 9200 7910"),
    /** IPCC Sixth Assessment Report (2021). */
    AR6("27.9", "29.8", "27.0", "273", "25200", "17400",
            "14600 771 3740 1530 5810 8690 7380 12400 9290 10200 10000 8620");

    /** The fluorinated gases after NF3, in the order of their values in each set's last argument. */
    private static final class Holder {
        static final Gas[] FLUORINATED = {Gas.HFC_23, Gas.HFC_32, Gas.HFC_125, Gas.HFC_134A, Gas.HFC_143A,
            Gas.HFC_236FA, Gas.CF4, Gas.C2F6, Gas.C3F8, Gas.C_C4F8, Gas.C4F10, Gas.C6F14};
    }

    private final Map<Gas, BigDecimal> values;

    GwpSet(String ch4, String ch4Fossil, String ch4NonFossil, String n2o, String sf6, String nf3, String fluorinated) {
        Map<Gas, BigDecimal> map = new EnumMap<>(Gas.class);
        map.put(Gas.CO2, BigDecimal.ONE);
        map.put(Gas.CH4, new BigDecimal(ch4));
        map.put(Gas.CH4_FOSSIL, new BigDecimal(ch4Fossil));
        map.put(Gas.CH4_NON_FOSSIL, new BigDecimal(ch4NonFossil));
        map.put(Gas.N2O, new BigDecimal(n2o));
        map.put(Gas.SF6, new BigDecimal(sf6));
        map.put(Gas.NF3, new BigDecimal(nf3));
        // already CO2e (its publisher's, AR5): kept as published under every set
        map.put(Gas.HFC_PFC_UNSPECIFIED, BigDecimal.ONE);
        String[] values = fluorinated.split(" ");
        for (int i = 0; i < values.length; i++) {
            map.put(fluorinatedGas(i), new BigDecimal(values[i]));
        }
        this.values = map;
    }

    /** A fluorinated gas by its place: the array is read in a method, since an enum's constructor runs first. */
    private static Gas fluorinatedGas(int index) {
        return Holder.FLUORINATED[index];
    }

    /**
     * Obtains a set from its name, such as "AR5".
     *
     * @param name  the name, not null
     * @return the set, never null
     * @throws UnknownCodeException if the name is not a known set
     */
    public static GwpSet of(String name) {
        Objects.requireNonNull(name, "name");
        List<String> names = new ArrayList<>();
        for (GwpSet set : values()) {
            if (set.name().equals(name)) {
                return set;
            }
            names.add(set.name());
        }
        throw new UnknownCodeException("GWP set", name, Checks.suggest(name, names));
    }

    /**
     * Gets the 100-year global warming potential of a gas in this set.
     * <p>
     * For example, {@code AR5.getGwp(Gas.N2O)} is 265.
     *
     * @param gas  the gas, not null
     * @return the GWP, an exact decimal, never null
     */
    public BigDecimal getGwp(Gas gas) {
        return values.get(Objects.requireNonNull(gas, "gas"));
    }
}
