package dev.carbonkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reading streams with the API Android's level 26 has ({@code InputStream.readNBytes} and {@code readAllBytes} are
 * Java 9 and 11: docs/on-device.md). Not part of the API.
 */
public final class Streams {

    private Streams() {
    }

    /**
     * Reads a stream to its end or to a number of bytes, whichever comes first.
     *
     * @param in  the stream, not closed
     * @param most  the most bytes read
     * @return the bytes read, at most {@code most}
     * @throws IOException if the stream fails
     */
    public static byte[] readUpTo(InputStream in, int most) throws IOException {
        byte[] bytes = new byte[Math.min(most, 8192)];
        int length = 0;
        while (length < most) {
            if (length == bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(most, bytes.length * 2L));
            }
            int read = in.read(bytes, length, bytes.length - length);
            if (read < 0) {
                break;
            }
            length += read;
        }
        return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
    }
}
