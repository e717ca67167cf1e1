package dev.carbonkit.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the canonical JSON text of a tree of maps, lists, strings and nulls: object keys sorted by UTF-16
 * code units, no white space, every scalar a string or null, strings escaped as RFC 8259 requires and no more. Not
 * part of the API; the format is documented in docs/factor-table-digest.md and docs/receipt-format.md.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /**
     * Writes a value: a {@code Map<String, ?>}, a {@code List<?>}, a {@code String} or null.
     *
     * @param value  the value
     * @return the canonical text
     */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String string) {
            writeString(string, out);
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, item) -> sorted.put((String) key, item));
            out.append('{');
            String separator = "";
            for (Map.Entry<String, Object> entry : sorted.entrySet()) {
                out.append(separator);
                writeString(entry.getKey(), out);
                out.append(':');
                write(entry.getValue(), out);
                separator = ",";
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            String separator = "";
            for (Object item : list) {
                out.append(separator);
                write(item, out);
                separator = ",";
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("carbon bug: not a canonical JSON value: " + value);
        }
    }

    private static void writeString(String string, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
