package dev.carbonkit.factor;

import dev.carbonkit.internal.Checks;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The vocabulary of activity types that factor tables and credit rules share: every type a catalog has factors for,
 * every type declared without factors (a low-carbon action, a payment, a step count, which rule sets credit), and the
 * groups above them.
 * <p>
 * Types form a hierarchy by their dots: the parent of {@code transport.bus.electric} is {@code transport.bus}, whose
 * parent is {@code transport}; a type with no dot has no parent. The hierarchy needs no table of its own, so a
 * footprint or award can be replayed from the type's text alone, and it is used the same way by both engines: factor
 * selection steps up to the nearest parent type that has factors when a type has none (a
 * {@code TYPE} fallback, which a strict policy refuses), and a credit rule about a type applies to every type under it
 * unless a rule about a nearer type exists.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class ActivityTypes {

    private static final ActivityTypes EMPTY = new ActivityTypes(new TreeSet<>(), new TreeMap<>());

    /** The types some table has factors for. */
    private final SortedSet<String> withFactors;
    /** The types declared without factors, each with what it means. */
    private final SortedMap<String, String> declared;
    /** Every known type: those two, and every group above them. */
    private final SortedSet<String> known;

    private ActivityTypes(SortedSet<String> withFactors, SortedMap<String, String> declared) {
        this.withFactors = Collections.unmodifiableSortedSet(withFactors);
        this.declared = Collections.unmodifiableSortedMap(declared);
        SortedSet<String> all = new TreeSet<>();
        for (String type : withFactors) {
            addWithGroups(all, type);
        }
        for (String type : declared.keySet()) {
            addWithGroups(all, type);
        }
        this.known = Collections.unmodifiableSortedSet(all);
    }

    private static void addWithGroups(SortedSet<String> all, String type) {
        for (String at = type; at != null && all.add(at); at = parentOrNull(at)) {
            // each group above the type, until one already known
        }
    }

    /**
     * Gets the empty vocabulary.
     *
     * @return the vocabulary with no types, never null
     */
    public static ActivityTypes empty() {
        return EMPTY;
    }

    /**
     * Obtains the vocabulary of a catalog's types: those it has factors for, and their groups.
     *
     * @param catalog  the catalog, not null
     * @return the vocabulary, never null
     */
    public static ActivityTypes of(FactorCatalog catalog) {
        return new ActivityTypes(new TreeSet<>(catalog.getActivityTypes()), new TreeMap<>());
    }

    /**
     * Returns a copy that also knows types declared without factors.
     *
     * @param types  each type, a dotted lower-case key, with what it means (one line of text), not null
     * @return the vocabulary with those types, never null
     * @throws IllegalArgumentException if a type is not a dotted lower-case key or its meaning is blank
     */
    public ActivityTypes withDeclared(Map<String, String> types) {
        SortedMap<String, String> all = new TreeMap<>(declared);
        for (Map.Entry<String, String> entry : types.entrySet()) {
            Checks.requireActivityType(entry.getKey(), "declared activity type");
            if (entry.getValue() == null || Checks.isBlank(entry.getValue())) {
                throw new IllegalArgumentException("Declared activity type '" + entry.getKey() + "' needs a meaning");
            }
            all.put(entry.getKey(), entry.getValue());
        }
        return new ActivityTypes(new TreeSet<>(withFactors), all);
    }

    /**
     * Gets the parent of a type: the type without its last dotted segment.
     *
     * @param type  a dotted activity type, not null
     * @return the parent, empty for a type with no dot
     */
    public static Optional<String> parent(String type) {
        return Optional.ofNullable(parentOrNull(Objects.requireNonNull(type, "type")));
    }

    /**
     * Gets the parent of a type, or null if it has none: for the engines' inner loops.
     *
     * @param type  a dotted activity type, not null
     * @return the parent, or null for a type with no dot
     */
    public static String parentOrNull(String type) {
        int dot = type.lastIndexOf('.');
        return dot < 0 ? null : type.substring(0, dot);
    }

    /**
     * Tells whether a type is the same as another or under it: {@code transport.bus.electric} is under
     * {@code transport.bus} and under {@code transport}, not under {@code transport.b}.
     *
     * @param type  the type, not null
     * @param group  the type it may be under, not null
     * @return true if {@code type} is {@code group} or under it
     */
    public static boolean isUnder(String type, String group) {
        return type.equals(group) || type.length() > group.length() && type.charAt(group.length()) == '.'
                && type.startsWith(group);
    }

    /**
     * Tells whether a type is known: has factors, is declared, or is a group above one that is.
     *
     * @param type  the type, not null
     * @return true if known
     */
    public boolean contains(String type) {
        return known.contains(Objects.requireNonNull(type, "type"));
    }

    /**
     * Tells whether some table has factors for a type.
     *
     * @param type  the type, not null
     * @return true if it has factors
     */
    public boolean hasFactors(String type) {
        return withFactors.contains(Objects.requireNonNull(type, "type"));
    }

    /**
     * Gets every known type, groups included, in order.
     *
     * @return the types, never null
     */
    public SortedSet<String> getTypes() {
        return known;
    }

    /**
     * Gets the types declared without factors, each with what it means.
     *
     * @return the declared types, never null
     */
    public SortedMap<String, String> getDeclared() {
        return declared;
    }

    /**
     * Gets the nearest type at or above a type that has factors: the type itself, or its parent, or the parent's
     * parent, and so on.
     *
     * @param type  the type, not null
     * @return that type, empty if neither it nor any type above it has factors
     */
    public Optional<String> nearestWithFactors(String type) {
        for (String at = Objects.requireNonNull(type, "type"); at != null; at = parentOrNull(at)) {
            if (withFactors.contains(at)) {
                return Optional.of(at);
            }
        }
        return Optional.empty();
    }

    /**
     * Suggests the known type closest to an unknown one: a case-insensitive match or the single nearest within a small
     * edit distance, else the only known type that ends with the same segment ({@code bus.electric} finds
     * {@code transport.bus.electric}).
     *
     * @param type  the unknown type, not null
     * @return the suggestion, empty if nothing is close
     */
    public Optional<String> suggest(String type) {
        Objects.requireNonNull(type, "type");
        String close = Checks.suggest(type, known);
        if (close != null) {
            return Optional.of(close);
        }
        String last = type.substring(type.lastIndexOf('.') + 1);
        String found = null;
        for (String candidate : known) {
            if (candidate.endsWith("." + last)) {
                if (found != null) {
                    return Optional.empty();
                }
                found = candidate;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Returns the types of another vocabulary added to these.
     *
     * @param other  the other vocabulary, not null
     * @return both, never null
     */
    public ActivityTypes with(ActivityTypes other) {
        SortedSet<String> factors = new TreeSet<>(withFactors);
        factors.addAll(other.withFactors);
        SortedMap<String, String> all = new TreeMap<>(declared);
        all.putAll(other.declared);
        return new ActivityTypes(factors, all);
    }

    /**
     * Lists the types of a collection that are not known: for a check that every type a rule set names is known.
     *
     * @param types  the types to check, not null
     * @return those not known, in order, never null
     */
    public SortedSet<String> unknown(Collection<String> types) {
        SortedSet<String> unknown = new TreeSet<>();
        for (String type : types) {
            if (!known.contains(type)) {
                unknown.add(type);
            }
        }
        return unknown;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof ActivityTypes other && withFactors.equals(other.withFactors)
                && declared.equals(other.declared);
    }

    @Override
    public int hashCode() {
        return withFactors.hashCode() * 31 + declared.hashCode();
    }

    @Override
    public String toString() {
        return "ActivityTypes[" + withFactors.size() + " with factors, " + declared.size() + " declared, "
                + known.size() + " known]";
    }
}
