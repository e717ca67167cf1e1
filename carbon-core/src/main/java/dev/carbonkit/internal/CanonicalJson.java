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

    /**
     * Appends a value's canonical text.
     *
     * @param value  the value
     * @param out  where to append it
     */
    public static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String string) {
            writeString(string, out);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : sorted(map).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                writeString((String) entry.getKey(), out);
                out.append(':');
                write(entry.getValue(), out);
                first = false;
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

    /**
     * Gets a map's entries in canonical order: the map itself if its keys come so already, else a sorted copy.
     *
     * @param map  a map with string keys
     * @return the map or a sorted copy
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> sorted(Map<?, ?> map) {
        String previous = null;
        for (Object key : map.keySet()) {
            String text = (String) key;
            if (previous != null && previous.compareTo(text) >= 0) {
                return new TreeMap<>((Map<String, Object>) map);
            }
            previous = text;
        }
        return (Map<String, Object>) map;
    }

    /**
     * Appends a string's canonical text: quoted, with only what RFC 8259 requires escaped.
     *
     * @param string  the string
     * @param out  where to append it
     */
    public static void writeString(String string, StringBuilder out) {
        int plain = 0;
        while (plain < string.length()) {
            char c = string.charAt(plain);
            if (c < 0x20 || c == '"' || c == '\\') {
                break;
            }
            plain++;
        }
        if (plain == string.length()) {
            // the usual case: nothing to escape, appended whole
            out.append('"').append(string).append('"');
            return;
        }
        out.append('"').append(string, 0, plain);
        for (int i = plain; i < string.length(); i++) {
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
