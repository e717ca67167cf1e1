package dev.carbonkit.calc;

import java.util.Objects;

/**
 * A departure from the ideal factor that scoring took, such as 'REGION: GB-LND -> GB': what was asked for
 * and what was used instead. Every footprint lists its fallbacks; a strict policy forbids them.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class Fallback {

    /**
     * The kinds of fallback.
     */
    public enum Kind {
        /**
         * No factor for the activity's type; the factor of the nearest type above it that has one was used, such as
         * {@code transport.bus} for {@code transport.bus.electric} (docs/activity-types.md).
         */
        TYPE,
        /** No factor for the activity's region; a wider region's factor was used. */
        REGION,
        /**
         * No factor for the activity's region or any region it is in; the factor of a region the policy names as a
         * proxy for the activity's type was used, such as the US economy's supply-chain factor for a purchase in GB
         * ({@link CalculationPolicy#withProxy(String, dev.carbonkit.factor.Region)}). Only a policy that names a proxy
         * allows it.
         */
        PROXY,
        /** No factor valid on the activity's date; the one valid nearest to it was used. */
        DATE,
        /** The factor's total is published under another GWP set and has no per-gas values to re-weigh. */
        GWP_NOT_REWEIGHTED,
        /** The factor's publisher does not state which GWP set its total uses. */
        GWP_NOT_STATED
    }

    private final Kind kind;
    private final String requested;
    private final String used;

    private Fallback(Kind kind, String requested, String used) {
        this.kind = kind;
        this.requested = requested;
        this.used = used;
    }

    /**
     * Obtains a fallback.
     *
     * @param kind  the kind, not null
     * @param requested  what the activity or policy asked for, such as "GB-LND", not null
     * @param used  what was used instead, such as "GB", not null
     * @return the fallback, never null
     */
    public static Fallback of(Kind kind, String requested, String used) {
        return new Fallback(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(requested, "requested"),
                Objects.requireNonNull(used, "used"));
    }

    /**
     * Gets the kind.
     *
     * @return the kind, never null
     */
    public Kind getKind() {
        return kind;
    }

    /**
     * Gets what was asked for, such as "GB-LND" or "2026-03-01" or "AR6".
     *
     * @return the requested value, never null
     */
    public String getRequested() {
        return requested;
    }

    /**
     * Gets what was used instead, such as "GB" or "2024-01-01/2024-12-31" or "AR5".
     *
     * @return the value used, never null
     */
    public String getUsed() {
        return used;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof Fallback other && kind == other.kind && requested.equals(other.requested)
                && used.equals(other.used);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, requested, used);
    }

    /**
     * Returns the form "REGION: GB-LND -> GB".
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return kind + ": " + requested + " -> " + used;
    }
}
