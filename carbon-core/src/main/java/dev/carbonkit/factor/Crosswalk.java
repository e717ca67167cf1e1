package dev.carbonkit.factor;

import dev.carbonkit.internal.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A mapping from the categories of another classification to activity types: a payment's merchant category code, a
 * COICOP class of household consumption, a shop's own category, each to the type a footprint is scored under (for
 * spend, a {@code spend.naics.*} type). Every mapping carries its provenance, its own or the crosswalk's: an official
 * concordance cited as such, or a mapping labelled as someone's own judgement, never presented as official.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class Crosswalk {

    /**
     * One category's mapping.
     */
    public static final class Mapping {
        private final String code;
        private final String label;
        private final String type;
        private final String source;
        private final String status;

        /**
         * Checks the mapping.
         *
         * @param code  the code, not blank
         * @param label  the label, not blank
         * @param type  a dotted activity type
         * @param source  the source, or null
         * @param status  the status, or null
         */
        public Mapping(String code, String label, String type, String source, String status) {
            Checks.requireNonBlank(code, "code");
            Checks.requireNonBlank(label, "label of category " + code);
            Checks.requireActivityType(type, "type of category '%s'", code);
            this.code = code;
            this.label = label;
            this.type = type;
            this.source = source;
            this.status = status;
        }

        /**
         * Gets the category's code in the classification mapped from, such as "01.1.1".
         *
         * @return the category's code in the classification mapped from, such as "01.1.1"
         */
        public String getCode() {
            return code;
        }

        /**
         * Gets the label: what the category is, as the crosswalk names it.
         *
         * @return what the category is, as the crosswalk names it
         */
        public String getLabel() {
            return label;
        }

        /**
         * Gets the activity type it maps to.
         *
         * @return the activity type it maps to
         */
        public String getType() {
            return type;
        }

        /**
         * Gets the source: where the mapping comes from.
         *
         * @return where the mapping comes from, or null for the crosswalk's
         */
        public String getSource() {
            return source;
        }

        /**
         * Gets the status: SOURCED, DERIVED, ILLUSTRATIVE or UNVERIFIED, with detail.
         *
         * @return SOURCED, DERIVED, ILLUSTRATIVE or UNVERIFIED, with detail, or null for the crosswalk's
         */
        public String getStatus() {
            return status;
        }

        @Override
        public boolean equals(Object obj) {
            return obj == this || obj instanceof Mapping other
                    && java.util.Objects.equals(code, other.code) && java.util.Objects.equals(label, other.label)
                            && java.util.Objects.equals(type, other.type)
                            && java.util.Objects.equals(source, other.source)
                            && java.util.Objects.equals(status, other.status);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(code, label, type, source, status);
        }

        /**
         * Returns the values in the form {@code Mapping[code=..., ...]}.
         *
         * @return the text, never null
         */
        @Override
        public String toString() {
            return "Mapping[code=" + code + ", label=" + label + ", type=" + type + ", source=" + source
                    + ", status=" + status + "]";
        }
    }

    private final String id;
    private final String from;
    private final String source;
    private final String status;
    private final Map<String, Mapping> mappings;

    private Crosswalk(String id, String from, String source, String status, Map<String, Mapping> mappings) {
        this.id = id;
        this.from = from;
        this.source = source;
        this.status = status;
        this.mappings = Collections.unmodifiableMap(mappings);
    }

    /**
     * Obtains a crosswalk.
     *
     * @param id  its id, such as "coicop-to-naics-illustrative", not blank
     * @param from  the classification it maps from, such as "COICOP 2018", not blank
     * @param source  where its mappings come from, not blank
     * @param status  how far they can be trusted, such as "ILLUSTRATIVE: the project's own mapping", not blank
     * @param mappings  the mappings, codes unique, not null
     * @return the crosswalk, never null
     * @throws IllegalArgumentException if a code is mapped twice or a text is blank
     */
    public static Crosswalk of(String id, String from, String source, String status, Iterable<Mapping> mappings) {
        Map<String, Mapping> byCode = new LinkedHashMap<>();
        for (Mapping mapping : mappings) {
            if (byCode.putIfAbsent(mapping.getCode(), mapping) != null) {
                throw new IllegalArgumentException("Crosswalk " + id + " maps category '" + mapping.getCode() + "' twice");
            }
        }
        return new Crosswalk(Checks.requireNonBlank(id, "id"), Checks.requireNonBlank(from, "from"),
                Checks.requireNonBlank(source, "source"), Checks.requireNonBlank(status, "status"), byCode);
    }

    /**
     * Gets the id.
     *
     * @return the id, never null
     */
    public String getId() {
        return id;
    }

    /**
     * Gets the classification mapped from, such as "COICOP 2018".
     *
     * @return the classification, never null
     */
    public String getFrom() {
        return from;
    }

    /**
     * Gets the mappings by code, in the crosswalk's order.
     *
     * @return the mappings, never null
     */
    public Map<String, Mapping> getMappings() {
        return mappings;
    }

    /**
     * Maps a category to its activity type.
     *
     * @param code  the category's code, not null
     * @return its mapping, empty if the crosswalk does not map it
     */
    public Optional<Mapping> map(String code) {
        return Optional.ofNullable(mappings.get(Objects.requireNonNull(code, "code")));
    }

    /**
     * Gets where a category's mapping comes from: its own source, else the crosswalk's.
     *
     * @param mapping  a mapping of this crosswalk, not null
     * @return the source, never null
     */
    public String sourceOf(Mapping mapping) {
        return mapping.getSource() != null ? mapping.getSource() : source;
    }

    /**
     * Gets how far a category's mapping can be trusted: its own status, else the crosswalk's.
     *
     * @param mapping  a mapping of this crosswalk, not null
     * @return the status, never null
     */
    public String statusOf(Mapping mapping) {
        return mapping.getStatus() != null ? mapping.getStatus() : status;
    }

    @Override
    public String toString() {
        return id + " (" + from + " to activity types, " + mappings.size() + " categories; " + status + ")";
    }
}
