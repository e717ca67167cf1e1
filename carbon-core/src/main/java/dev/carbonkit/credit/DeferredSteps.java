package dev.carbonkit.credit;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * An award's explanation whose lines are written when first read: evaluation records each line as the values it
 * shows (captured, all immutable) and the text is built on request, so that a batch scored for its numbers does
 * not build text nobody reads. Reading gives the same lines, in the same order, as building them eagerly would.
 * <p>
 * This list is unmodifiable and thread-safe: racing readers may both build a line; they build equal strings, and
 * either may be kept.
 */
final class DeferredSteps extends AbstractList<String> implements RandomAccess {

    private final List<Object> lines;

    /**
     * Creates the list. An {@code ArrayList} is taken, not copied (an evaluation hands over its own list when it is
     * done with it, and must not change it after); any other list is copied.
     *
     * @param lines  each line, a {@code String} or a {@code Supplier<String>}
     */
    DeferredSteps(List<Object> lines) {
        this.lines = lines instanceof ArrayList<Object> list ? list : new ArrayList<>(lines);
    }

    @Override
    @SuppressWarnings("unchecked")
    public String get(int index) {
        Object line = lines.get(index);
        if (line instanceof String text) {
            return text;
        }
        String text = Objects.requireNonNull(((Supplier<String>) line).get(), "step");
        lines.set(index, text);
        return text;
    }

    @Override
    public int size() {
        return lines.size();
    }
}
