package dev.carbonkit.factor;

import dev.carbonkit.UnknownCodeException;

/**
 * Thrown when a region code is not one carbonkit can place, such as {@code 'UK'} (the ISO 3166-1 code of
 * the United Kingdom is {@code 'GB'}).
 */
public class UnknownRegionException extends UnknownCodeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception for an unknown region code.
     *
     * @param code  the code as given, not null
     * @param suggestion  the closest known code, or null
     */
    public UnknownRegionException(String code, String suggestion) {
        super("region", code, suggestion);
    }
}
