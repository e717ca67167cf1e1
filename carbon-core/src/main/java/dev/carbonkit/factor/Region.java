package dev.carbonkit.factor;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A place a factor applies to or an activity happened in, such as 'GB', 'GB-LND', 'EU27' or 'GLOBAL'.
 * <p>
 * Four kinds of code are accepted:
 * <ul>
 * <li>{@code GLOBAL}, the whole world;</li>
 * <li>an ISO 3166-1 alpha-2 country code known to the JDK, such as {@code GB} or {@code CN}, or {@code XK}
 * for Kosovo (a user-assigned code that the European Commission, the IMF and Our World in Data use);</li>
 * <li>an ISO 3166-2 subdivision, a country code, a hyphen and one to three letters or digits, such as
 * {@code GB-LND} (the subdivision part is checked for form only: the JDK has no ISO 3166-2 list);</li>
 * <li>a named group of three or more characters, such as {@code EU27}, {@code EGRID-CAMX} or {@code CN-GRID-SOUTH},
 * whose members a {@link RegionHierarchy} defines, or which a table uses for its own factors.</li>
 * </ul>
 * Codes are upper case; {@code 'gb'} is rejected with the hint {@code 'GB'}, and {@code 'UK'} with the hint
 * {@code 'GB'}. A code that names a country another way is not a group: an ISO 3166-1 alpha-3 code ({@code USA},
 * {@code GBR}) or a country's English name ({@code GERMANY}) is rejected with the hint of its alpha-2 code, {@code WORLD}
 * with the hint {@code GLOBAL}, and {@code EU} with the hint {@code EU27}.
 * <p>
 * This class is immutable and thread-safe. It is value-based: compare with {@code equals}, not {@code ==}.
 */
public final class Region implements Comparable<Region> {

    /** The kinds of region, from the widest to the narrowest. */
    public enum Kind {
        /** The whole world. */
        GLOBAL,
        /** A named group of countries or subdivisions, such as EU27. */
        GROUP,
        /** An ISO 3166-1 country. */
        COUNTRY,
        /** An ISO 3166-2 subdivision of a country. */
        SUBDIVISION
    }

    /** The whole world. */
    public static final Region GLOBAL = new Region("GLOBAL", Kind.GLOBAL);

    private static final Set<String> COUNTRIES = countries();
    private static final Pattern SUBDIVISION = Pattern.compile("([A-Z]{2})-[A-Z0-9]{1,3}");
    private static final Pattern GROUP = Pattern.compile("[A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)*");

    private final String code;
    private final Kind kind;

    private static Set<String> countries() {
        Set<String> countries = new java.util.HashSet<>(Set.of(Locale.getISOCountries()));
        countries.add("XK");
        return Set.copyOf(countries);
    }

    private Region(String code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    /**
     * Obtains a region from its code.
     * <p>
     * For example, {@code of("GB")} is a country, {@code of("GB-LND")} a subdivision of it, and
     * {@code of("EU27")} a group.
     *
     * @param code  the code, not null
     * @return the region, never null
     * @throws UnknownRegionException if the code is not a known country, a well-formed subdivision of a
     *     known country, a well-formed group name, or GLOBAL
     */
    public static Region of(String code) {
        Objects.requireNonNull(code, "code");
        if (code.equals(GLOBAL.code)) {
            return GLOBAL;
        }
        if (code.length() == 2) {
            if (COUNTRIES.contains(code)) {
                return new Region(code, Kind.COUNTRY);
            }
            throw new UnknownRegionException(code, suggestCountry(code));
        }
        var subdivision = SUBDIVISION.matcher(code);
        if (subdivision.matches()) {
            if (COUNTRIES.contains(subdivision.group(1))) {
                return new Region(code, Kind.SUBDIVISION);
            }
            throw new UnknownRegionException(code, null);
        }
        if (code.length() >= 3 && GROUP.matcher(code).matches()) {
            String country = OtherNames.country(code);
            if (country != null) {
                throw new UnknownRegionException(code, country);
            }
            return new Region(code, Kind.GROUP);
        }
        String upper = code.toUpperCase(Locale.ROOT);
        throw new UnknownRegionException(code, upper.equals(code) ? OtherNames.country(code) : suggestUpper(upper));
    }

    private static String suggestCountry(String code) {
        String upper = code.toUpperCase(Locale.ROOT);
        if (upper.equals("UK")) {
            return "GB";
        }
        if (upper.equals("EU")) {
            return "EU27";
        }
        return COUNTRIES.contains(upper) ? upper : null;
    }

    private static String suggestUpper(String upper) {
        try {
            return of(upper).code;
        } catch (UnknownRegionException stillUnknown) {
            return stillUnknown.getSuggestion().orElse(null);
        }
    }

    /**
     * The other names of countries and of the world that a group code must not be: ISO 3166-1 alpha-3 codes and
     * English names, read from the JDK's locale data on first need (a code of letters only), never at start-up.
     */
    private static final class OtherNames {

        static final java.util.Map<String, String> BY_NAME = names();

        private static java.util.Map<String, String> names() {
            java.util.Map<String, String> names = new java.util.HashMap<>();
            for (String country : COUNTRIES) {
                Locale locale = new Locale("", country);
                try {
                    names.put(locale.getISO3Country(), country);
                } catch (java.util.MissingResourceException noAlpha3) {
                    // XK has no alpha-3 code in the JDK
                }
                names.put(squeeze(locale.getDisplayCountry(Locale.ENGLISH)), country);
            }
            names.put("WORLD", "GLOBAL");
            names.put("EARTH", "GLOBAL");
            names.put("EUROPEANUNION", "EU27");
            names.put("UNITEDSTATES", "US");
            names.put("UNITEDKINGDOM", "GB");
            names.put("BRITAIN", "GB");
            names.put("GREATBRITAIN", "GB");
            names.put("ENGLAND", "GB-ENG");
            return java.util.Map.copyOf(names);
        }

        /** Upper case, letters only: "United Kingdom" and "UNITED_KINGDOM" are both UNITEDKINGDOM. */
        private static String squeeze(String name) {
            StringBuilder letters = new StringBuilder(name.length());
            for (int i = 0; i < name.length(); i++) {
                char c = Character.toUpperCase(name.charAt(i));
                if (c >= 'A' && c <= 'Z') {
                    letters.append(c);
                }
            }
            return letters.toString();
        }

        /**
         * The code a country or the world has, if this is another name for it; null if it is not. Only a code of
         * letters and underscores can be one, so a table's groups ({@code EGRID-CAMX}, {@code EU27}) never load the
         * names.
         */
        static String country(String code) {
            for (int i = 0; i < code.length(); i++) {
                char c = code.charAt(i);
                if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || c == ' ')) {
                    return null;
                }
            }
            return BY_NAME.get(squeeze(code));
        }
    }

    /**
     * Gets the region's code, such as "GB-LND".
     *
     * @return the code, never null
     */
    public String getCode() {
        return code;
    }

    /**
     * Gets the kind of region.
     *
     * @return the kind, never null
     */
    public Kind getKind() {
        return kind;
    }

    /**
     * Gets the country a subdivision belongs to, such as 'GB' for 'GB-LND'.
     *
     * @return the country, empty unless this is a subdivision, never null
     */
    public Optional<Region> getCountry() {
        return kind == Kind.SUBDIVISION ? Optional.of(new Region(code.substring(0, 2), Kind.COUNTRY))
                : Optional.empty();
    }

    /**
     * Orders regions by code.
     *
     * @param other  the other region, not null
     * @return the comparison of the codes
     */
    @Override
    public int compareTo(Region other) {
        return code.compareTo(other.code);
    }

    @Override
    public boolean equals(Object obj) {
        return this == obj || obj instanceof Region other && code.equals(other.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    /**
     * Returns the code, such as "GB-LND".
     *
     * @return the code, never null
     */
    @Override
    public String toString() {
        return code;
    }
}
