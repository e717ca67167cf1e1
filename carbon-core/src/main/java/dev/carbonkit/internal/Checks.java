package dev.carbonkit.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;

/**
 * Precondition helpers, with messages formatted in {@link Locale#US} so that they read the same on every
 * machine. Not part of the API.
 */
public final class Checks {

    private Checks() {
    }

    /**
     * Formats a message in {@link Locale#US}.
     *
     * @param template  the template with {@code %s} placeholders
     * @param args  the arguments
     * @return the message
     */
    public static String format(String template, Object... args) {
        return String.format(Locale.US, template, args);
    }

    /**
     * Throws {@link IllegalArgumentException} with the formatted message when the condition is false.
     *
     * @param condition  the condition that must hold
     * @param template  the message template
     * @param args  the message arguments
     */
    public static void requireArgument(boolean condition, String template, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(format(template, args));
        }
    }

    /**
     * Cuts a text for a message: whole up to a length, else its first characters, "...", and its length in
     * parentheses, so that no message quotes a value of megabytes.
     *
     * @param text  the text, not null
     * @param max  the most characters kept
     * @return the text, or its start and length
     */
    public static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "... (" + text.length() + " characters)";
    }

    /**
     * Tells whether a string is empty or only white space, as {@code String.isBlank} does (Java 11, which Android's
     * API 26 does not have: docs/on-device.md).
     *
     * @param value  the string, not null
     * @return true if every character is white space
     */
    public static boolean isBlank(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!Character.isWhitespace(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks that a string is not null and not blank.
     *
     * @param value  the value
     * @param name  the parameter name
     * @return the value
     */
    public static String requireNonBlank(String value, String name) {
        Objects.requireNonNull(value, name);
        requireArgument(!isBlank(value), "%s must not be blank", name);
        return value;
    }

    /**
     * Checks that a string is a dotted activity-type key such as {@code transport.rail.metro}.
     *
     * @param type  the key
     * @param name  the parameter name
     * @return the key
     */
    public static String requireActivityType(String type, String name) {
        return requireActivityType(type, "%s", name);
    }

    /**
     * Checks an activity type, naming it only if it is wrong: every factor, rule and activity is checked, and
     * building the name each time cost more than the check (and a supplier of it, a lambda linked on a cold start).
     *
     * @param type  the type
     * @param name  what the type belongs to, a format with one {@code %s} for its owner, such as "type of activity '%s'"
     * @param owner  the owner's id, such as "a1"
     * @return the type
     */
    public static String requireActivityType(String type, String name, String owner) {
        if (type == null) {
            throw new NullPointerException(format(name, owner));
        }
        if (!isActivityType(type)) {
            throw new IllegalArgumentException(format("%s must be a dotted lower-case key such as"
                    + " 'transport.rail.metro': '%s'", format(name, owner), type));
        }
        return type;
    }

    /**
     * Tells whether a text is a dotted lower-case key, {@code [a-z0-9_]+(\.[a-z0-9_]+)*}: written out rather than
     * matched with a regular expression, which a fresh JVM runs slowly for each of thousands of factors.
     *
     * @param type  the text, not null
     * @return true for a key such as "transport.rail.metro"
     */
    public static boolean isActivityType(String type) {
        boolean segmentStarted = false;
        for (int i = 0; i < type.length(); i++) {
            char c = type.charAt(i);
            if (c == '.') {
                if (!segmentStarted) {
                    return false;
                }
                segmentStarted = false;
            } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
                segmentStarted = true;
            } else {
                return false;
            }
        }
        return segmentStarted;
    }

    /**
     * Tells whether a text is a factor id, {@code [A-Za-z0-9._:/-]+}, written out for the same reason.
     *
     * @param id  the text, not null
     * @return true for an id such as "desnz-2024/4_301_3070_9"
     */
    public static boolean isFactorId(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == ':' || c == '/' || c == '-')) {
                return false;
            }
        }
        return !id.isEmpty();
    }

    /**
     * Finds the known code closest to an unknown one: a case-insensitive match, or else the single
     * nearest code within an edit distance of 2.
     *
     * @param code  the unknown code
     * @param known  the known codes
     * @return the suggestion, or null if nothing is close
     */
    public static String suggest(String code, Collection<String> known) {
        for (String candidate : known) {
            if (candidate.equalsIgnoreCase(code)) {
                return candidate;
            }
        }
        String best = null;
        int bestDistance = 3;
        for (String candidate : known) {
            int distance = editDistance(code.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /**
     * Counts the single-character insertions, deletions and substitutions that turn one text into another.
     *
     * @param a  one text
     * @param b  the other
     * @return the Levenshtein distance
     */
    public static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
