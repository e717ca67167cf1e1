package dev.carbonkit.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A seeded mutation fuzzer's mutations: from a seed file, one to four of flipping a bit, putting in a byte that means
 * something to a parser (a quote, a brace, a digit, an exponent, a line break, a BOM, a byte that is not UTF-8),
 * deleting, repeating or moving a span, splicing in a span of another seed, and swapping a number for an absurd one
 * (1e999999999, five thousand digits). Deterministic: a mutant is its seed's index and a number.
 */
public final class Mutator {

    private static final byte[][] TOKENS = bytes("\"", "'", "{", "}", "[", "]", ":", ",", "-", "\n", "\r\n", "  ",
            "&a ", "*a", "!!str ", "~", "null", "0", "9", ".", "e", "E", "+", "1e999999999", "-1e999999999",
            "1e9999999999", "1e-999999999", "0x1F", "NaN", ".inf", "\\u0000", "\uFEFF", "\u00e9", "#", "<<: ", "|\n",
            "- ", "? ", "%YAML 1.2\n", "---\n", "...\n", "\t");
    private static final byte[] INVALID_UTF8 = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0,
        (byte) 0x80};

    private final List<byte[]> seeds;
    private final int maxLength;

    /**
     * Creates a mutator of seed files.
     *
     * @param seeds  the seeds, at least one
     * @param maxLength  the longest mutant, in bytes
     */
    public Mutator(List<byte[]> seeds, int maxLength) {
        this.seeds = List.copyOf(seeds);
        this.maxLength = maxLength;
    }

    private static byte[][] bytes(String... texts) {
        byte[][] result = new byte[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            result[i] = texts[i].getBytes(StandardCharsets.UTF_8);
        }
        return result;
    }

    /**
     * Gets the mutant number {@code n}: the same every run.
     *
     * @param n  the mutant's number
     * @return its bytes
     */
    public byte[] mutant(long n) {
        Random random = new Random(n * 0x9E3779B97F4A7C15L + 20261204L);
        byte[] data = seeds.get((int) Math.floorMod(n, (long) seeds.size()));
        // mostly one mutation, so that many mutants are read far in; sometimes up to four
        int mutations = random.nextInt(4) == 0 ? 2 + random.nextInt(3) : 1;
        for (int m = 0; m < mutations; m++) {
            data = mutate(data, random);
            if (data.length > maxLength) {
                data = Arrays.copyOf(data, maxLength);
            }
        }
        return data;
    }

    private byte[] mutate(byte[] data, Random random) {
        int at = data.length == 0 ? 0 : random.nextInt(data.length + 1);
        switch (random.nextInt(9)) {
            case 0 -> {
                if (data.length > 0) {
                    byte[] copy = data.clone();
                    int i = Math.min(at, copy.length - 1);
                    copy[i] ^= (byte) (1 << random.nextInt(8));
                    return copy;
                }
                return data;
            }
            case 1 -> {
                return insert(data, at, TOKENS[random.nextInt(TOKENS.length)]);
            }
            case 2 -> {
                return insert(data, at, new byte[] {INVALID_UTF8[random.nextInt(INVALID_UTF8.length)]});
            }
            case 3 -> {
                int length = data.length == 0 ? 0 : random.nextInt(Math.min(64, data.length - Math.min(at, data.length)) + 1);
                return delete(data, at, length);
            }
            case 4 -> {
                int length = Math.min(random.nextInt(32) + 1, data.length - Math.min(at, data.length));
                byte[] span = Arrays.copyOfRange(data, Math.min(at, data.length), Math.min(at, data.length) + length);
                byte[] repeated = new byte[span.length * (1 + random.nextInt(8))];
                for (int i = 0; i < repeated.length; i += Math.max(1, span.length)) {
                    System.arraycopy(span, 0, repeated, i, Math.min(span.length, repeated.length - i));
                }
                return insert(data, at, repeated);
            }
            case 5 -> {
                byte[] other = seeds.get(random.nextInt(seeds.size()));
                if (other.length == 0) {
                    return data;
                }
                int from = random.nextInt(other.length);
                int length = Math.min(other.length - from, 1 + random.nextInt(200));
                return insert(data, at, Arrays.copyOfRange(other, from, from + length));
            }
            case 6 -> {
                return replaceNumber(data, random, "1e999999999");
            }
            case 7 -> {
                return replaceNumber(data, random, "7".repeat(5_000));
            }
            default -> {
                // a line moved: lines swapped, dropped or repeated, as a careless edit or a hostile one would
                String text = new String(data, StandardCharsets.ISO_8859_1);
                String[] lines = text.split("\n", -1);
                if (lines.length < 2) {
                    return data;
                }
                int a = random.nextInt(lines.length);
                int b = random.nextInt(lines.length);
                String swap = lines[a];
                lines[a] = lines[b];
                lines[b] = swap;
                return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
            }
        }
    }

    private static byte[] replaceNumber(byte[] data, Random random, String number) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher digits = java.util.regex.Pattern.compile("[0-9]+(\\.[0-9]+)?").matcher(text);
        int count = 0;
        while (digits.find()) {
            count++;
        }
        if (count == 0) {
            return data;
        }
        int pick = random.nextInt(count);
        digits.reset();
        for (int i = 0; i <= pick; i++) {
            digits.find();
        }
        return (text.substring(0, digits.start()) + number + text.substring(digits.end()))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] insert(byte[] data, int at, byte[] piece) {
        int i = Math.min(at, data.length);
        byte[] result = new byte[data.length + piece.length];
        System.arraycopy(data, 0, result, 0, i);
        System.arraycopy(piece, 0, result, i, piece.length);
        System.arraycopy(data, i, result, i + piece.length, data.length - i);
        return result;
    }

    private static byte[] delete(byte[] data, int at, int length) {
        int i = Math.min(at, data.length);
        int end = Math.min(data.length, i + length);
        byte[] result = new byte[data.length - (end - i)];
        System.arraycopy(data, 0, result, 0, i);
        System.arraycopy(data, end, result, i, data.length - end);
        return result;
    }
}
