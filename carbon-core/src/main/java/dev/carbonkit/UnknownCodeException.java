package dev.carbonkit;

import java.util.Optional;

/**
 * Thrown when a code names nothing carbonkit knows, such as the unit {@code 'kwh'} or the GWP set
 * {@code 'AR7'}.
 * <p>
 * The exception keeps what kind of code it was, the code as given, and a suggestion where a close match
 * exists ("did you mean 'kWh'?").
 */
public class UnknownCodeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String code;
    private final String suggestion;

    /**
     * Creates an exception for an unknown code.
     *
     * @param kind  what kind of code it is, such as "unit" or "GWP set", not null
     * @param code  the code as given, not null
     * @param suggestion  the closest known code, or null if none is close
     */
    public UnknownCodeException(String kind, String code, String suggestion) {
        this(kind, code, suggestion, "");
    }

    /**
     * Creates an exception for an unknown code with what is wrong with it, said after the code when there is no
     * suggestion.
     *
     * @param kind  what kind of code it is, not null
     * @param code  the code as given, not null
     * @param suggestion  the closest known code, or null
     * @param known  what follows the code in the message when there is no suggestion, such as "; known: [...]"
     */
    protected UnknownCodeException(String kind, String code, String suggestion, String known) {
        super("Unknown " + kind + " '" + code + "'" + (suggestion == null ? known : "; did you mean '" + suggestion
                + "'?"));
        this.kind = kind;
        this.code = code;
        this.suggestion = suggestion;
    }

    /**
     * Creates an exception for an unknown code, with the known code closest to it as the hint (one that differs only
     * in case, or else the single nearest within two edits), or else the known codes (the first ten).
     *
     * @param kind  what kind of code it is, such as "bundled table", not null
     * @param code  the code as given, not null
     * @param known  the known codes, not null
     * @return the exception, never null
     */
    public static UnknownCodeException of(String kind, String code, java.util.Collection<String> known) {
        java.util.List<String> some = new java.util.ArrayList<>(known).subList(0, Math.min(known.size(), 10));
        return new UnknownCodeException(kind, code, dev.carbonkit.internal.Checks.suggest(code, known), "; known: "
                + some + (known.size() > some.size() ? " and " + (known.size() - some.size()) + " more" : ""));
    }

    /**
     * Gets what kind of code was unknown, such as "unit".
     *
     * @return the kind, never null
     */
    public String getKind() {
        return kind;
    }

    /**
     * Gets the unknown code exactly as it was given.
     *
     * @return the code, never null
     */
    public String getCode() {
        return code;
    }

    /**
     * Gets the closest known code, if one is close enough to be a likely typo.
     *
     * @return the suggestion, never null
     */
    public Optional<String> getSuggestion() {
        return Optional.ofNullable(suggestion);
    }
}
