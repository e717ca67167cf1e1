package dev.carbonkit.factor;

import dev.carbonkit.internal.Checks;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a factor table is and where it comes from, such as 'desnz-2024: UK Government GHG Conversion
 * Factors for Company Reporting, DESNZ, 2024 v1.1, OGL-3.0'. Every factor carries its table's info as
 * the first part of its provenance.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class TableInfo {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private final String id;
    private final String title;
    private final String publisher;
    private final String edition;
    private final String licence;
    private final String attribution;
    private final String url;

    private TableInfo(Builder builder) {
        this.id = builder.id;
        this.title = Checks.requireNonBlank(builder.title, "title");
        this.publisher = Checks.requireNonBlank(builder.publisher, "publisher");
        this.edition = Checks.requireNonBlank(builder.edition, "edition");
        this.licence = Checks.requireNonBlank(builder.licence, "licence");
        this.attribution = builder.attribution;
        this.url = builder.url;
    }

    /**
     * Creates a builder for a table's info.
     *
     * @param id  the table id, lower case letters, digits, '.', '_' and '-', such as "desnz-2024", not null
     * @return a new builder, never null
     * @throws IllegalArgumentException if the id is not of that form
     */
    public static Builder builder(String id) {
        Objects.requireNonNull(id, "id");
        Checks.requireArgument(ID.matcher(id).matches(),
                "Table id must be lower case letters, digits, '.', '_' or '-': '%s'", id);
        return new Builder(id);
    }

    /**
     * Gets the table id, such as "desnz-2024".
     *
     * @return the id, never null
     */
    public String getId() {
        return id;
    }

    /**
     * Gets the publication's title.
     *
     * @return the title, never null
     */
    public String getTitle() {
        return title;
    }

    /**
     * Gets the publisher, such as "Department for Energy Security and Net Zero".
     *
     * @return the publisher, never null
     */
    public String getPublisher() {
        return publisher;
    }

    /**
     * Gets the publisher's edition or version, such as "2024 v1.1".
     *
     * @return the edition, never null
     */
    public String getEdition() {
        return edition;
    }

    /**
     * Gets the licence of the data, such as "OGL-3.0".
     *
     * @return the licence, never null
     */
    public String getLicence() {
        return licence;
    }

    /**
     * Gets the attribution text the licence requires, as the publisher words it.
     *
     * @return the attribution, never null
     */
    public Optional<String> getAttribution() {
        return Optional.ofNullable(attribution);
    }

    /**
     * Gets the address of the publication.
     *
     * @return the address, never null
     */
    public Optional<String> getUrl() {
        return Optional.ofNullable(url);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof TableInfo other && id.equals(other.id) && title.equals(other.title)
                && publisher.equals(other.publisher) && edition.equals(other.edition)
                && licence.equals(other.licence) && Objects.equals(attribution, other.attribution)
                && Objects.equals(url, other.url);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, title, publisher, edition, licence, attribution, url);
    }

    /**
     * Returns a summary such as "desnz-2024 (Department for Energy Security and Net Zero, 2024 v1.1, OGL-3.0)".
     *
     * @return the summary, never null
     */
    @Override
    public String toString() {
        return id + " (" + publisher + ", " + edition + ", " + licence + ")";
    }

    /**
     * Builds a {@link TableInfo}. Not thread-safe.
     */
    public static final class Builder {

        private final String id;
        private String title;
        private String publisher;
        private String edition;
        private String licence;
        private String attribution;
        private String url;

        private Builder(String id) {
            this.id = id;
        }

        /**
         * Sets the publication's title (required).
         *
         * @param title  the title, not null
         * @return this builder
         */
        public Builder title(String title) {
            this.title = Objects.requireNonNull(title, "title");
            return this;
        }

        /**
         * Sets the publisher (required).
         *
         * @param publisher  the publisher, not null
         * @return this builder
         */
        public Builder publisher(String publisher) {
            this.publisher = Objects.requireNonNull(publisher, "publisher");
            return this;
        }

        /**
         * Sets the edition or version (required).
         *
         * @param edition  the edition, not null
         * @return this builder
         */
        public Builder edition(String edition) {
            this.edition = Objects.requireNonNull(edition, "edition");
            return this;
        }

        /**
         * Sets the licence (required).
         *
         * @param licence  the licence, such as an SPDX id, not null
         * @return this builder
         */
        public Builder licence(String licence) {
            this.licence = Objects.requireNonNull(licence, "licence");
            return this;
        }

        /**
         * Sets the attribution text.
         *
         * @param attribution  the text, or null for none
         * @return this builder
         */
        public Builder attribution(String attribution) {
            this.attribution = attribution;
            return this;
        }

        /**
         * Sets the publication's address.
         *
         * @param url  the address, or null for none
         * @return this builder
         */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /**
         * Builds the info.
         *
         * @return the info, never null
         * @throws NullPointerException if a required field is missing
         * @throws IllegalArgumentException if a required field is blank
         */
        public TableInfo build() {
            return new TableInfo(this);
        }
    }
}
