package dev.carbonkit.calc;

import java.util.Objects;

/**
 * One step of an explanation, such as 'MULTIPLY 12 mi x 0.26473 kg CO2e/mi = 3.17676 kg CO2e'.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class Step {

    /**
     * What a step does.
     */
    public enum Kind {
        /** The activity as given. */
        ACTIVITY,
        /** The factor chosen, and why. */
        SELECT,
        /** A fallback taken. */
        FALLBACK,
        /** The activity's quantity converted to the factor's unit. */
        CONVERT,
        /** The quantity times the published CO2e total. */
        MULTIPLY,
        /** The quantity times one gas's value. */
        GAS,
        /** Per-gas masses weighted with a GWP set. */
        WEIGHT,
        /** Presentation rounding. */
        ROUND,
        /** The result. */
        RESULT
    }

    private final Kind kind;
    private final String text;

    Step(Kind kind, String text) {
        this.kind = kind;
        this.text = text;
    }

    /**
     * Gets what the step does.
     *
     * @return the kind, never null
     */
    public Kind getKind() {
        return kind;
    }

    /**
     * Gets the step's text with its numbers, such as "12 mi x 0.26473 kg CO2e/mi = 3.17676 kg CO2e".
     *
     * @return the text, never null
     */
    public String getText() {
        return text;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof Step other && kind == other.kind && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, text);
    }

    /**
     * Returns the kind and the text.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return kind + " " + text;
    }
}
