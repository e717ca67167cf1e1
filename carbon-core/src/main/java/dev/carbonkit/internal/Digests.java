package dev.carbonkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Content digests: "sha256:" and the lower-case hex SHA-256 of a text's UTF-8 bytes. Not part of the API.
 */
public final class Digests {

    private Digests() {
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /**
     * Writes bytes as lower-case hex, two digits a byte ({@code java.util.HexFormat} is Java 17, which Android's API 26
     * does not have).
     *
     * @param bytes  the bytes
     * @return the hex digits
     */
    public static String hex(byte[] bytes) {
        char[] digits = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            digits[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            digits[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(digits);
    }

    /**
     * Digests a text.
     *
     * @param text  the text, such as a canonical form
     * @return "sha256:" and 64 hex digits
     */
    public static String sha256(String text) {
        try {
            return "sha256:" + hex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException notPossible) {
            throw new IllegalStateException("carbon bug: every JDK has SHA-256", notPossible);
        }
    }
}
