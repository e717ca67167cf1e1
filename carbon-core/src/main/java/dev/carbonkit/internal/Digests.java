package dev.carbonkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content digests: "sha256:" and the lower-case hex SHA-256 of a text's UTF-8 bytes. Not part of the API.
 */
public final class Digests {

    private Digests() {
    }

    /**
     * Digests a text.
     *
     * @param text  the text, such as a canonical form
     * @return "sha256:" and 64 hex digits
     */
    public static String sha256(String text) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException notPossible) {
            throw new IllegalStateException("carbon bug: every JDK has SHA-256", notPossible);
        }
    }
}
