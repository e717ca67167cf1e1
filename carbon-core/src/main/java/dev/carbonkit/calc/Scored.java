package dev.carbonkit.calc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What scoring a batch gave: the footprint of every activity that could be scored, in order, and for each one that
 * could not, the typed reason, by activity id. From {@link FootprintEngine#scoreEach(Iterable)}, for a batch in which
 * one bad activity must not stop the others.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class Scored {

    private final List<Footprint> footprints;
    private final Map<String, ScoringException> failures;

    Scored(List<Footprint> footprints, Map<String, ScoringException> failures) {
        this.footprints = Collections.unmodifiableList(footprints);
        this.failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
    }

    /**
     * Gets the footprints of the activities that could be scored, in the batch's order.
     *
     * @return the footprints, never null
     */
    public List<Footprint> getFootprints() {
        return footprints;
    }

    /**
     * Gets why each activity that could not be scored was not, by activity id, in the batch's order.
     *
     * @return the failures, empty if every activity was scored, never null
     */
    public Map<String, ScoringException> getFailures() {
        return failures;
    }

    /**
     * Tells whether every activity was scored.
     *
     * @return true if there were no failures
     */
    public boolean isComplete() {
        return failures.isEmpty();
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof Scored other && footprints.equals(other.footprints)
                && failures.keySet().equals(other.failures.keySet());
    }

    @Override
    public int hashCode() {
        return Objects.hash(footprints, failures.keySet());
    }

    @Override
    public String toString() {
        return footprints.size() + " scored, " + failures.size() + " not" + (failures.isEmpty() ? ""
                : " " + failures.keySet());
    }
}
