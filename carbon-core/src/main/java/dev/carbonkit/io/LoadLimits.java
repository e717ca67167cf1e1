package dev.carbonkit.io;

import java.util.Objects;

/**
 * Limits that keep a hostile or broken YAML file from exhausting time or memory, such as 'at most 512 KiB and
 * 200,000 factors'.
 * <p>
 * {@link #defaults()} allows a file of at most 512 KiB ({@value #DEFAULT_MAX_BYTES} bytes), nesting at most
 * {@value #DEFAULT_MAX_DEPTH} levels deep, at most {@value #DEFAULT_MAX_ALIASES} aliases to mappings or
 * sequences (so no "billion laughs" expansion), at most {@value #DEFAULT_MAX_FACTORS} factors, values (keys, texts,
 * numbers) of at most {@value #DEFAULT_MAX_VALUE_LENGTH} characters, and reports at most
 * {@value #DEFAULT_MAX_PROBLEMS} problems before it stops reading, each quoting at most 80 characters of a value.
 * Numbers are held to fixed bounds besides (at most 40 digits before the decimal point and 100 after it, written in at
 * most 200 characters), checked on their text before they are read. Change one limit with a {@code with} method.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class LoadLimits {

    /**
     * The default largest file, in bytes: 512 KiB, the size at which the slowest file to read (of any shape) is read
     * or refused in under a second and 64 MB of heap on a cold JVM (docs/reliability.md, "The slowest loads"). A
     * hand-written table or rule set is a few kilobytes; raise it with {@link #withMaxBytes(int)} for a converted
     * publisher's table from a source you trust.
     */
    public static final int DEFAULT_MAX_BYTES = 512 * 1024;
    /** The default deepest nesting of mappings and sequences. */
    public static final int DEFAULT_MAX_DEPTH = 16;
    /** The default largest number of aliases to mappings or sequences. */
    public static final int DEFAULT_MAX_ALIASES = 20;
    /** The default largest number of factors in one table. */
    public static final int DEFAULT_MAX_FACTORS = 200_000;
    /** The default largest number of problems reported before reading stops. */
    public static final int DEFAULT_MAX_PROBLEMS = 100;
    /** The default longest value (a scalar: a key, a text, a number), in characters. */
    public static final int DEFAULT_MAX_VALUE_LENGTH = 65_536;

    private static final LoadLimits DEFAULTS = new LoadLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH,
            DEFAULT_MAX_ALIASES, DEFAULT_MAX_FACTORS, DEFAULT_MAX_PROBLEMS, DEFAULT_MAX_VALUE_LENGTH);

    private final int maxBytes;
    private final int maxDepth;
    private final int maxAliases;
    private final int maxFactors;
    private final int maxProblems;
    private final int maxValueLength;

    private LoadLimits(int maxBytes, int maxDepth, int maxAliases, int maxFactors, int maxProblems,
            int maxValueLength) {
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
        this.maxAliases = maxAliases;
        this.maxFactors = maxFactors;
        this.maxProblems = maxProblems;
        this.maxValueLength = maxValueLength;
    }

    /**
     * Gets the default limits.
     *
     * @return the defaults, never null
     */
    public static LoadLimits defaults() {
        return DEFAULTS;
    }

    /**
     * Gets the largest file accepted, in bytes.
     *
     * @return the limit
     */
    public int getMaxBytes() {
        return maxBytes;
    }

    /**
     * Gets the deepest nesting of mappings and sequences accepted.
     *
     * @return the limit
     */
    public int getMaxDepth() {
        return maxDepth;
    }

    /**
     * Gets the largest number of aliases to mappings or sequences accepted.
     *
     * @return the limit
     */
    public int getMaxAliases() {
        return maxAliases;
    }

    /**
     * Gets the largest number of factors accepted in one table.
     *
     * @return the limit
     */
    public int getMaxFactors() {
        return maxFactors;
    }

    /**
     * Gets the largest number of problems reported before reading stops.
     *
     * @return the limit
     */
    public int getMaxProblems() {
        return maxProblems;
    }

    /**
     * Returns a copy with another largest file size.
     *
     * @param bytes  the limit in bytes, 1 or more
     * @return the limits, never null
     */
    public LoadLimits withMaxBytes(int bytes) {
        return new LoadLimits(positive(bytes, "maxBytes"), maxDepth, maxAliases, maxFactors, maxProblems,
                maxValueLength);
    }

    /**
     * Returns a copy with another deepest nesting.
     *
     * @param depth  the limit, 1 or more
     * @return the limits, never null
     */
    public LoadLimits withMaxDepth(int depth) {
        return new LoadLimits(maxBytes, positive(depth, "maxDepth"), maxAliases, maxFactors, maxProblems,
                maxValueLength);
    }

    /**
     * Returns a copy with another largest number of aliases to mappings or sequences.
     *
     * @param aliases  the limit, 0 or more (0 forbids them)
     * @return the limits, never null
     */
    public LoadLimits withMaxAliases(int aliases) {
        if (aliases < 0) {
            throw new IllegalArgumentException("maxAliases must not be negative: " + aliases);
        }
        return new LoadLimits(maxBytes, maxDepth, aliases, maxFactors, maxProblems, maxValueLength);
    }

    /**
     * Returns a copy with another largest number of factors.
     *
     * @param factors  the limit, 1 or more
     * @return the limits, never null
     */
    public LoadLimits withMaxFactors(int factors) {
        return new LoadLimits(maxBytes, maxDepth, maxAliases, positive(factors, "maxFactors"), maxProblems,
                maxValueLength);
    }

    /**
     * Returns a copy with another largest number of problems reported.
     *
     * @param problems  the limit, 1 or more
     * @return the limits, never null
     */
    public LoadLimits withMaxProblems(int problems) {
        return new LoadLimits(maxBytes, maxDepth, maxAliases, maxFactors, positive(problems, "maxProblems"),
                maxValueLength);
    }

    /**
     * Gets the longest value accepted: a key, a text or a number, in characters.
     *
     * @return the limit
     */
    public int getMaxValueLength() {
        return maxValueLength;
    }

    /**
     * Returns a copy with another longest value.
     *
     * @param characters  the limit, 1 or more
     * @return the limits, never null
     */
    public LoadLimits withMaxValueLength(int characters) {
        return new LoadLimits(maxBytes, maxDepth, maxAliases, maxFactors, maxProblems,
                positive(characters, "maxValueLength"));
    }

    private static int positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be 1 or more: " + value);
        }
        return value;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof LoadLimits other && maxBytes == other.maxBytes && maxDepth == other.maxDepth
                && maxAliases == other.maxAliases && maxFactors == other.maxFactors && maxProblems == other.maxProblems
                && maxValueLength == other.maxValueLength;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxBytes, maxDepth, maxAliases, maxFactors, maxProblems, maxValueLength);
    }

    /**
     * Returns a summary of the limits.
     *
     * @return the summary, never null
     */
    @Override
    public String toString() {
        return "LoadLimits[maxBytes=" + maxBytes + ", maxDepth=" + maxDepth + ", maxAliases=" + maxAliases
                + ", maxFactors=" + maxFactors + ", maxProblems=" + maxProblems + ", maxValueLength=" + maxValueLength
                + "]";
    }
}
