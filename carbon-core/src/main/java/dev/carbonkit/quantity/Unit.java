package dev.carbonkit.quantity;

import dev.carbonkit.internal.Checks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A unit that an activity is measured in, such as 'km', 'kWh' or 'GBP'.
 * <p>
 * Each unit belongs to one {@link Dimension} and carries an exact factor to that dimension's reference
 * unit, so that every conversion is an exact rational: 1 mi is exactly 1.609344 km, 1 lb exactly
 * 0.45359237 kg, 1 US therm exactly 100,000 Btu. The set of physical units is closed; money has one unit
 * per ISO 4217 currency, from {@link #ofCurrency(String)}, and currencies never convert into each other.
 * <p>
 * Every unit has one ASCII code, which {@link #toString()} returns and {@link #of(String)} reads back; a
 * few units also accept aliases on input (for example {@code passenger.km}, as DESNZ writes it, for
 * {@code pkm}). Codes are case-sensitive: {@code MWh} is a unit, {@code mwh} is an error with a hint.
 * <p>
 * This class is immutable and thread-safe. It is value-based: compare with {@code equals}, not {@code ==}.
 */
public final class Unit {

    private static final Map<String, Unit> BY_CODE = new LinkedHashMap<>();
    private static final Map<String, Unit> BY_ALIAS = new LinkedHashMap<>();

    private static final BigDecimal MILE_KM = new BigDecimal("1.609344");
    private static final BigDecimal POUND_KG = new BigDecimal("0.45359237");
    private static final BigDecimal SHORT_TON_KG = POUND_KG.multiply(BigDecimal.valueOf(2000));
    /** The International Table British thermal unit, in joules (exact by definition). */
    private static final BigDecimal BTU_J = new BigDecimal("1055.05585262");
    private static final BigDecimal FOOT_M = new BigDecimal("0.3048");

    /** Gram. */
    public static final Unit GRAM = physical("g", "gram", Dimension.MASS, "0.001");
    /** Kilogram, the reference unit of mass. */
    public static final Unit KILOGRAM = physical("kg", "kilogram", Dimension.MASS, "1");
    /** Metric tonne, 1000 kg. */
    public static final Unit TONNE = physical("t", "tonne", Dimension.MASS, "1000", "tonne", "tonnes");
    /** Avoirdupois pound, exactly 0.45359237 kg. */
    public static final Unit POUND = physical("lb", "pound", Dimension.MASS, POUND_KG.toPlainString());
    /** US short ton, exactly 2000 lb (907.18474 kg). */
    public static final Unit SHORT_TON = physical("short-ton", "short ton", Dimension.MASS, SHORT_TON_KG.toPlainString());

    /** Metre. */
    public static final Unit METRE = physical("m", "metre", Dimension.DISTANCE, "0.001");
    /** Kilometre, the reference unit of distance. */
    public static final Unit KILOMETRE = physical("km", "kilometre", Dimension.DISTANCE, "1");
    /** International mile, exactly 1.609344 km. */
    public static final Unit MILE = physical("mi", "mile", Dimension.DISTANCE, MILE_KM.toPlainString(), "miles");

    /** Joule, the reference unit of energy. */
    public static final Unit JOULE = physical("J", "joule", Dimension.ENERGY, "1");
    /** Watt-hour, 3600 J. */
    public static final Unit WATT_HOUR = physical("Wh", "watt-hour", Dimension.ENERGY, "3600");
    /** Kilowatt-hour, 3.6 MJ. */
    public static final Unit KILOWATT_HOUR = physical("kWh", "kilowatt-hour", Dimension.ENERGY, "3600000");
    /** Megawatt-hour, 3.6 GJ. */
    public static final Unit MEGAWATT_HOUR = physical("MWh", "megawatt-hour", Dimension.ENERGY, "3600000000");
    /** Megajoule. */
    public static final Unit MEGAJOULE = physical("MJ", "megajoule", Dimension.ENERGY, "1000000");
    /** Gigajoule. */
    public static final Unit GIGAJOULE = physical("GJ", "gigajoule", Dimension.ENERGY, "1000000000");
    /** One million International Table Btu, exactly 1,055,055,852.62 J. */
    public static final Unit MMBTU = physical("mmBtu", "million Btu", Dimension.ENERGY,
            BTU_J.multiply(BigDecimal.valueOf(1_000_000)).toPlainString(), "MMBtu");
    /** US therm as EPA uses it: exactly 100,000 International Table Btu, so 0.1 mmBtu. */
    public static final Unit US_THERM = physical("therm-us", "US therm", Dimension.ENERGY,
            BTU_J.multiply(BigDecimal.valueOf(100_000)).toPlainString());
    /** UK/EC therm, exactly 105,505,585.257348 J (Directive 80/181/EEC); not the same as the US therm. */
    public static final Unit UK_THERM = physical("therm-uk", "UK/EC therm", Dimension.ENERGY,
            "105505585.257348", "therm-ec");

    /** Litre, the reference unit of volume. */
    public static final Unit LITRE = physical("L", "litre", Dimension.VOLUME, "1", "l");
    /** Cubic metre, 1000 L. */
    public static final Unit CUBIC_METRE = physical("m3", "cubic metre", Dimension.VOLUME, "1000", "m\u00b3");
    /** US liquid gallon, exactly 3.785411784 L. */
    public static final Unit US_GALLON = physical("gal-us", "US gallon", Dimension.VOLUME, "3.785411784");
    /** UK (imperial) gallon, exactly 4.54609 L. */
    public static final Unit UK_GALLON = physical("gal-uk", "UK gallon", Dimension.VOLUME, "4.54609");
    /** Standard cubic foot, exactly 28.316846592 L (a cubic foot of gas at standard conditions). */
    public static final Unit STANDARD_CUBIC_FOOT = physical("scf", "standard cubic foot", Dimension.VOLUME,
            FOOT_M.pow(3).movePointRight(3).toPlainString());

    /** Passenger-kilometre, the reference unit of passenger-distance. */
    public static final Unit PASSENGER_KILOMETRE = physical("pkm", "passenger-kilometre",
            Dimension.PASSENGER_DISTANCE, "1", "passenger-km", "passenger.km");
    /** Passenger-mile, exactly 1.609344 passenger-km. */
    public static final Unit PASSENGER_MILE = physical("pmi", "passenger-mile",
            Dimension.PASSENGER_DISTANCE, MILE_KM.toPlainString(), "passenger-mi", "passenger-mile");

    /** Tonne-kilometre, the reference unit of mass-distance. */
    public static final Unit TONNE_KILOMETRE = physical("tkm", "tonne-kilometre", Dimension.MASS_DISTANCE, "1",
            "tonne-km", "tonne.km");
    /** Short ton-mile, as US freight factors use it: 0.90718474 t over 1.609344 km. */
    public static final Unit SHORT_TON_MILE = physical("short-ton-mi", "short ton-mile", Dimension.MASS_DISTANCE,
            SHORT_TON_KG.movePointLeft(3).multiply(MILE_KM).toPlainString(), "ton-mile");

    /** A number of items or events. */
    public static final Unit COUNT = physical("count", "count", Dimension.COUNT, "1");

    /** One hotel room for one night. */
    public static final Unit ROOM_NIGHT = physical("room-night", "room-night", Dimension.ACCOMMODATION, "1",
            "room-nights");

    /** Second, the reference unit of duration. */
    public static final Unit SECOND = physical("s", "second", Dimension.DURATION, "1");
    /** Minute, 60 s. */
    public static final Unit MINUTE = physical("min", "minute", Dimension.DURATION, "60");
    /** Hour, 3600 s. */
    public static final Unit HOUR = physical("h", "hour", Dimension.DURATION, "3600");
    /** Day of 24 hours, 86,400 s. */
    public static final Unit DAY = physical("d", "day", Dimension.DURATION, "86400");

    /** Square metre, the reference unit of area. */
    public static final Unit SQUARE_METRE = physical("m2", "square metre", Dimension.AREA, "1", "m\u00b2");
    /** Hectare, 10,000 m2. */
    public static final Unit HECTARE = physical("ha", "hectare", Dimension.AREA, "10000");
    /** Square foot, exactly 0.09290304 m2. */
    public static final Unit SQUARE_FOOT = physical("ft2", "square foot", Dimension.AREA,
            FOOT_M.pow(2).toPlainString());

    private static final List<Unit> PHYSICAL = List.copyOf(BY_CODE.values());

    private final String code;
    private final String name;
    private final Dimension dimension;
    private final BigDecimal toReference;

    private Unit(String code, String name, Dimension dimension, BigDecimal toReference) {
        this.code = code;
        this.name = name;
        this.dimension = dimension;
        this.toReference = toReference;
    }

    private static Unit physical(String code, String name, Dimension dimension, String toReference,
            String... aliases) {
        Unit unit = new Unit(code, name, dimension, new BigDecimal(toReference));
        BY_CODE.put(code, unit);
        for (String alias : aliases) {
            BY_ALIAS.put(alias, unit);
        }
        // its name and the name's plural, as people write them: "mile", "miles", "kilowatt-hours"
        if (!name.equals(code)) {
            BY_ALIAS.putIfAbsent(name, unit);
        }
        BY_ALIAS.putIfAbsent(name.endsWith("foot") ? name.substring(0, name.length() - 4).concat("feet")
                : name.endsWith("Btu") ? name : name.concat("s"), unit);
        return unit;
    }

    static {
        // American spellings, and items as counts
        for (String[] alias : new String[][] {{"meter", "m"}, {"meters", "m"}, {"kilometer", "km"},
                {"kilometers", "km"}, {"liter", "L"}, {"liters", "L"}, {"item", "count"}, {"items", "count"}}) {
            BY_ALIAS.putIfAbsent(alias[0], BY_CODE.get(alias[1]));
        }
    }

    //-----------------------------------------------------------------------
    /**
     * Obtains a unit from its code or one of its aliases.
     * <p>
     * For example, {@code of("kWh")} returns {@link #KILOWATT_HOUR} and {@code of("passenger.km")} returns
     * {@link #PASSENGER_KILOMETRE}. A three-letter upper-case ISO 4217 code such as {@code "GBP"} returns
     * that currency's money unit.
     *
     * @param code  the unit code, not null
     * @return the unit, never null
     * @throws UnknownUnitException if the code is not known, with the closest code as a hint
     */
    public static Unit of(String code) {
        Objects.requireNonNull(code, "code");
        Unit unit = BY_CODE.get(code);
        if (unit == null) {
            unit = BY_ALIAS.get(code);
        }
        if (unit != null) {
            return unit;
        }
        if (code.length() == 3 && code.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            try {
                return ofCurrency(code);
            } catch (UnknownUnitException notACurrency) {
                // KWH: not a currency, and maybe a unit in the wrong case
            }
        }
        int at = code.indexOf('@');
        if (at > 0) {
            return ofMoney(code.substring(0, at), code.substring(at + 1), code);
        }
        throw new UnknownUnitException(code, suggest(code));
    }

    /** The first and last price years read: a year outside them is a typo, not a price basis. */
    private static final int FIRST_PRICE_YEAR = 1900;
    private static final int LAST_PRICE_YEAR = 2200;

    /**
     * Obtains the money unit of a currency at the prices of a year, such as 'USD@2022': US dollars of 2022. Amounts in
     * it never convert to another currency or to the same currency at another year's prices without an explicit
     * conversion (an exchange rate, a deflator); a spend-based factor per 2022 USD takes only 2022 USD.
     *
     * @param currencyCode  the three-letter ISO 4217 code, not null
     * @param priceYear  the year whose prices the amounts are in, 1900 to 2200
     * @return the unit, never null
     * @throws UnknownUnitException if the code is not an ISO 4217 currency known to the JDK, or the year is outside
     *  1900 to 2200
     */
    public static Unit ofMoney(String currencyCode, int priceYear) {
        Objects.requireNonNull(currencyCode, "currencyCode");
        return ofMoney(currencyCode, Integer.toString(priceYear), currencyCode + "@" + priceYear);
    }

    private static Unit ofMoney(String currencyCode, String yearText, String given) {
        Unit currency;
        try {
            currency = ofCurrency(currencyCode);
        } catch (UnknownUnitException unknown) {
            String upper = currencyCode.toUpperCase(java.util.Locale.ROOT);
            String hint = upper.equals(currencyCode) ? null : upper + "@" + yearText;
            throw new UnknownUnitException(given, hint);
        }
        int year;
        if (yearText.length() != 4 || !yearText.chars().allMatch(c -> c >= '0' && c <= '9')
                || (year = Integer.parseInt(yearText)) < FIRST_PRICE_YEAR || year > LAST_PRICE_YEAR) {
            throw new UnknownUnitException(given, null, "the price year of '" + given + "' is not a year from "
                    + FIRST_PRICE_YEAR + " to " + LAST_PRICE_YEAR + " written with four digits, as in "
                    + currency.code + "@2022");
        }
        String code = currency.code + "@" + year;
        return new Unit(code, currency.code + " at " + year + " prices", Dimension.MONEY, BigDecimal.ONE);
    }

    /**
     * Gets the currency of a money unit, such as "USD" for both {@code USD} and {@code USD@2022}.
     *
     * @return the ISO 4217 code, empty unless this is money, never null
     */
    public java.util.Optional<String> getCurrencyCode() {
        if (dimension != Dimension.MONEY) {
            return java.util.Optional.empty();
        }
        int at = code.indexOf('@');
        return java.util.Optional.of(at < 0 ? code : code.substring(0, at));
    }

    /**
     * Gets the year whose prices a money unit's amounts are in, such as 2022 for {@code USD@2022}.
     *
     * @return the year, empty for a unit that is not money or has no price year, never null
     */
    public java.util.OptionalInt getPriceYear() {
        int at = code.indexOf('@');
        return dimension != Dimension.MONEY || at < 0 ? java.util.OptionalInt.empty()
                : java.util.OptionalInt.of(Integer.parseInt(code.substring(at + 1)));
    }

    /**
     * The unit code closest to an unknown one, as its code ({@code mi} for "mille", not the alias "miles"): a match
     * but for case, else the single nearest code or alias within one edit for a short code, two for a longer one.
     */
    private static String suggest(String code) {
        List<String> known = new ArrayList<>(BY_CODE.keySet());
        known.addAll(BY_ALIAS.keySet());
        String close = Checks.suggest(code, known);
        if (close == null || !close.equalsIgnoreCase(code) && code.length() <= 4
                && Checks.editDistance(code.toLowerCase(java.util.Locale.ROOT),
                        close.toLowerCase(java.util.Locale.ROOT)) > 1) {
            return null;
        }
        Unit unit = BY_CODE.containsKey(close) ? BY_CODE.get(close) : BY_ALIAS.get(close);
        return unit.code;
    }

    /**
     * Obtains the money unit of an ISO 4217 currency, such as 'GBP'.
     *
     * @param currencyCode  the three-letter ISO 4217 code, not null
     * @return the unit, never null
     * @throws UnknownUnitException if the code is not an ISO 4217 currency known to the JDK
     */
    public static Unit ofCurrency(String currencyCode) {
        Objects.requireNonNull(currencyCode, "currencyCode");
        try {
            Currency currency = Currency.getInstance(currencyCode);
            return new Unit(currency.getCurrencyCode(), currency.getCurrencyCode(), Dimension.MONEY, BigDecimal.ONE);
        } catch (IllegalArgumentException notIso) {
            throw new UnknownUnitException(currencyCode, null);
        }
    }

    /**
     * Gets every physical unit, in a stable documented order (by dimension, then size). Money units are
     * not listed: there is one per ISO 4217 currency.
     *
     * @return the units, unmodifiable, never null
     */
    public static List<Unit> physicalUnits() {
        return PHYSICAL;
    }

    /**
     * Gets every code and alias that {@link #of(String)} accepts for physical units.
     *
     * @return the codes, unmodifiable, never null
     */
    public static Set<String> knownCodes() {
        Set<String> codes = new java.util.LinkedHashSet<>(BY_CODE.keySet());
        codes.addAll(BY_ALIAS.keySet());
        return Collections.unmodifiableSet(codes);
    }

    //-----------------------------------------------------------------------
    /**
     * Gets the unit's code, such as "kWh".
     *
     * @return the code, never null
     */
    public String getCode() {
        return code;
    }

    /**
     * Gets the unit's English name, such as "kilowatt-hour".
     *
     * @return the name, never null
     */
    public String getName() {
        return name;
    }

    /**
     * Gets the dimension the unit measures.
     *
     * @return the dimension, never null
     */
    public Dimension getDimension() {
        return dimension;
    }

    /**
     * Gets the exact factor from this unit to its dimension's reference unit, such as 1.609344 for miles
     * (the reference unit of distance is the kilometre). For money it is 1.
     *
     * @return the factor, never null
     */
    public BigDecimal getFactorToReference() {
        return toReference;
    }

    /**
     * Tells whether amounts in this unit can be converted to the other unit without further information:
     * the same dimension, and for money the same currency.
     *
     * @param other  the other unit, not null
     * @return true if convertible
     */
    public boolean isConvertibleTo(Unit other) {
        return dimension == other.dimension && (dimension != Dimension.MONEY || equals(other));
    }

    /**
     * Checks that this unit converts to another, throwing the precise exception when it does not.
     *
     * @param other  the other unit, not null
     * @throws DimensionMismatchException if the dimensions differ
     * @throws CurrencyMismatchException if both are money in different currencies
     */
    void checkConvertibleTo(Unit other) {
        if (dimension != other.dimension) {
            throw new DimensionMismatchException(this, other);
        }
        if (!isConvertibleTo(other)) {
            throw new CurrencyMismatchException(this, other);
        }
    }

    /**
     * Compares units by code, which is unique.
     *
     * @param obj  the other object
     * @return true if the same unit
     */
    @Override
    public boolean equals(Object obj) {
        return this == obj || obj instanceof Unit other && code.equals(other.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    /**
     * Returns the unit's code, such as "kWh", which {@link #of(String)} reads back.
     *
     * @return the code, never null
     */
    @Override
    public String toString() {
        return code;
    }
}
