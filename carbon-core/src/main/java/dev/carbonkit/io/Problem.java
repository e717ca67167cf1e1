package dev.carbonkit.io;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong in a file, with where it is, such as
 * {@code desnz.yaml:12:10: factors[3].per: unknown unit 'kwh'; did you mean 'kWh'?}.
 * <p>
 * Lines and columns are 1-based; 0 means the position is not known (a limit that the YAML parser enforces
 * reports no position). The key path names the value, such as {@code factors[3].gases.CH4-fossil}; it is
 * empty for the document as a whole.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class Problem {

    private final String source;
    private final int line;
    private final int column;
    private final String path;
    private final String message;

    Problem(String source, int line, int column, String path, String message) {
        this.source = source;
        this.line = line;
        this.column = column;
        this.path = path;
        this.message = message;
    }

    /**
     * Obtains a problem at a place in a source file.
     *
     * @param source  the file's name, not null
     * @param line  the 1-based line, or 0 if not known
     * @param column  the 1-based column, or 0 if not known
     * @param path  the key path or column name of the value, empty for the whole file, not null
     * @param message  what is wrong, quoting the offending value, not null
     * @return the problem, never null
     * @throws IllegalArgumentException if the line or column is negative
     */
    public static Problem of(String source, int line, int column, String path, String message) {
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("Line and column must not be negative: " + line + ":" + column);
        }
        return new Problem(Objects.requireNonNull(source, "source"), line, column, Objects.requireNonNull(path, "path"),
                Objects.requireNonNull(message, "message"));
    }

    /**
     * Gets the name of the file.
     *
     * @return the source, never null
     */
    public String getSource() {
        return source;
    }

    /**
     * Gets the 1-based line, or 0 if not known.
     *
     * @return the line
     */
    public int getLine() {
        return line;
    }

    /**
     * Gets the 1-based column, or 0 if not known.
     *
     * @return the column
     */
    public int getColumn() {
        return column;
    }

    /**
     * Gets the key path of the value, such as "factors[3].per"; empty for the whole document.
     *
     * @return the path, never null
     */
    public String getPath() {
        return path;
    }

    /**
     * Gets what is wrong, quoting the offending value, with a hint where one helps.
     *
     * @return the message, never null
     */
    public String getMessage() {
        return message;
    }

    /**
     * Gets the hint part of the message, the text after "; did you mean".
     *
     * @return the suggested value, empty if none, never null
     */
    public Optional<String> getSuggestion() {
        int at = message.indexOf("; did you mean '");
        return at < 0 ? Optional.empty()
                : Optional.of(message.substring(at + 16, message.indexOf('\'', at + 16)));
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof Problem other && source.equals(other.source) && line == other.line
                && column == other.column && path.equals(other.path) && message.equals(other.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, line, column, path, message);
    }

    /**
     * Returns the form "file:line:column: path: message", leaving out what is not known.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        text.append(": ");
        if (!path.isEmpty()) {
            text.append(path).append(": ");
        }
        return text.append(message).toString();
    }
}
