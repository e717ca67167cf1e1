package dev.carbonkit.calc;

import dev.carbonkit.factor.Region;
import dev.carbonkit.internal.Checks;
import dev.carbonkit.internal.Decimals;
import dev.carbonkit.internal.LocalDays;
import dev.carbonkit.quantity.InvalidQuantityException;
import dev.carbonkit.quantity.Quantity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Something a person did that has a footprint, such as 'trip-17: 12 mi by average petrol car in GB on
 * 2024-03-05'.
 * <p>
 * An activity has an id (unique within what is scored together), a dotted type such as
 * {@code transport.car.average.petrol}, a non-negative quantity, the instant it happened and the time zone that
 * defines its local day, a region ({@link Region#GLOBAL} where the place is not known), free attributes, and the
 * account it belongs to: a footprint needs no account, crediting does. It may name a factor explicitly, which
 * bypasses selection.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class Activity {

    /** The account of an activity built without one: a footprint needs none; crediting refuses it. */
    public static final String NO_ACCOUNT = "";

    private final String id;
    private final String account;
    private final String type;
    private final Quantity quantity;
    private final Instant time;
    private final ZoneId zone;
    private final Region region;
    private final SortedMap<String, String> attributes;
    private final String factorId;
    /** The local date as an epoch day, and the amount's digits (Decimals.NONE past a long): worked out once. */
    private final long localEpochDay;
    private final long amountDigits;

    private Activity(Builder builder) {
        this.id = builder.id;
        this.account = builder.account == null ? NO_ACCOUNT : builder.account;
        if (builder.account != null && Checks.isBlank(account)) {
            // the message is built only when needed: every activity passes here
            Checks.requireNonBlank(account, "account of activity " + id);
        }
        this.type = Checks.requireActivityType(require(builder.type, "a type: type(\"transport.car.average.petrol\")"),
                "type of activity '%s'", id);
        this.quantity = require(builder.quantity, "a quantity: quantity(Quantity.parse(\"12 mi\"))");
        this.time = require(builder.time, "a time: time(instant, zone)");
        this.zone = require(builder.zone, "a zone: time(instant, zone)");
        this.region = require(builder.region, "a region: region(Region.of(\"GB\")), or Region.GLOBAL where the place"
                + " is not known");
        this.attributes = Collections.unmodifiableSortedMap(new TreeMap<>(builder.attributes));
        this.factorId = builder.factorId;
        this.localEpochDay = LocalDays.epochDay(time, zone);
        this.amountDigits = Decimals.digits(quantity.getAmount());
        if (quantity.isNegative()) {
            throw new InvalidQuantityException(quantity.toString(),
                    "Activity '" + id + "': quantity must not be negative: '" + quantity + "'");
        }
    }

    /** The same activity with another quantity: money converted to a factor's unit, which the footprint records. */
    Activity withQuantity(Quantity converted) {
        Builder builder = new Builder(id);
        builder.account = account == NO_ACCOUNT ? null : account;
        builder.type = type;
        builder.quantity = converted;
        builder.time = time;
        builder.zone = zone;
        builder.region = region;
        builder.attributes.putAll(attributes);
        builder.factorId = factorId;
        return new Activity(builder);
    }

    private <T> T require(T value, String what) {
        if (value == null) {
            throw new IllegalStateException("Activity '" + id + "' needs " + what);
        }
        return value;
    }


    /**
     * Creates a builder for an activity.
     *
     * @param id  the activity's id, not blank, not null
     * @return a new builder, never null
     */
    public static Builder builder(String id) {
        return new Builder(Checks.requireNonBlank(id, "id"));
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
     * Gets the account the activity belongs to.
     *
     * @return the account, {@link #NO_ACCOUNT} (empty) if it was built without one, never null
     */
    public String getAccount() {
        return account;
    }

    /**
     * Tells whether the activity belongs to an account: crediting needs one.
     *
     * @return true if it was built with an account
     */
    public boolean hasAccount() {
        return !account.isEmpty();
    }

    /**
     * Gets the dotted type, such as "transport.rail.underground".
     *
     * @return the type, never null
     */
    public String getType() {
        return type;
    }

    /**
     * Gets the quantity, as the user entered it.
     *
     * @return the quantity, never null
     */
    public Quantity getQuantity() {
        return quantity;
    }

    /**
     * Gets the instant the activity happened.
     *
     * @return the instant, never null
     */
    public Instant getTime() {
        return time;
    }

    /**
     * Gets the time zone that defines the activity's local day.
     *
     * @return the zone, never null
     */
    public ZoneId getZone() {
        return zone;
    }

    /**
     * Gets the local date of the activity in its zone; factors are selected for this date.
     *
     * @return the date, never null
     */
    public LocalDate getLocalDate() {
        return LocalDate.ofEpochDay(getLocalEpochDay());
    }

    /**
     * Gets the local date as a day count from 1970-01-01, {@code getLocalDate().toEpochDay()}, without making a date:
     * worked out once, when the activity was built.
     *
     * @return the local epoch day
     */
    public long getLocalEpochDay() {
        return localEpochDay;
    }

    /** The quantity's amount as its unscaled digits, or {@link Decimals#NONE} where they do not fit a long. */
    long getAmountDigits() {
        return amountDigits;
    }

    /**
     * Gets the region the activity happened in.
     *
     * @return the region, never null
     */
    public Region getRegion() {
        return region;
    }

    /**
     * Gets the attributes, sorted by name.
     *
     * @return the attributes, unmodifiable, never null
     */
    public SortedMap<String, String> getAttributes() {
        return attributes;
    }

    /**
     * Gets the id of a factor named explicitly, which bypasses selection.
     *
     * @return the factor id, empty if the factor is to be selected, never null
     */
    public Optional<String> getFactorId() {
        return Optional.ofNullable(factorId);
    }

    /** The factor id, or null: for the selector, which asks for every activity. */
    String factorIdOrNull() {
        return factorId;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof Activity other && id.equals(other.id) && account.equals(other.account)
                && type.equals(other.type) && quantity.equals(other.quantity) && time.equals(other.time)
                && zone.equals(other.zone) && region.equals(other.region) && attributes.equals(other.attributes)
                && Objects.equals(factorId, other.factorId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, account, type, quantity, time, zone, region, attributes, factorId);
    }

    /**
     * Returns a summary such as "trip-17: transport.car.average.petrol, 12 mi, GB, 2024-03-05 (Europe/London)".
     *
     * @return the summary, never null
     */
    @Override
    public String toString() {
        return id + ": " + type + ", " + quantity + ", " + region + ", " + getLocalDate() + " (" + zone + ")"
                + (factorId == null ? "" : ", factor " + factorId);
    }

    /**
     * Builds an {@link Activity}. Not thread-safe.
     */
    public static final class Builder {

        private final String id;
        private String account;
        private String type;
        private Quantity quantity;
        private Instant time;
        private ZoneId zone;
        private Region region;
        private final Map<String, String> attributes = new TreeMap<>();
        private String factorId;

        private Builder(String id) {
            this.id = id;
        }

        /**
         * Sets the account: optional for a footprint, required for crediting.
         *
         * @param account  the account, not null
         * @return this builder
         */
        public Builder account(String account) {
            this.account = Objects.requireNonNull(account, "account");
            return this;
        }

        /**
         * Sets the dotted type (required).
         *
         * @param type  the type, not null
         * @return this builder
         */
        public Builder type(String type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        /**
         * Sets the quantity (required).
         *
         * @param quantity  the quantity, not negative, not null
         * @return this builder
         */
        public Builder quantity(Quantity quantity) {
            this.quantity = Objects.requireNonNull(quantity, "quantity");
            return this;
        }

        /**
         * Sets the instant and the zone that defines the local day (both required).
         *
         * @param time  the instant, not null
         * @param zone  the zone, not null
         * @return this builder
         */
        public Builder time(Instant time, ZoneId zone) {
            this.time = Objects.requireNonNull(time, "time");
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * Sets the region (required).
         *
         * @param region  the region, not null
         * @return this builder
         */
        public Builder region(Region region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /**
         * Sets an attribute.
         *
         * @param name  the attribute name, not null
         * @param value  the value, not null
         * @return this builder
         */
        public Builder attribute(String name, String value) {
            attributes.put(Checks.requireNonBlank(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Names the factor to use, bypassing selection.
         *
         * @param factorId  the factor id, or null to select
         * @return this builder
         */
        public Builder factorId(String factorId) {
            this.factorId = factorId;
            return this;
        }

        /**
         * Builds the activity.
         *
         * @return the activity, never null
         * @throws IllegalStateException if the type, quantity, time or region is missing, naming it, how to set it and
         *  the activity
         * @throws InvalidQuantityException if the quantity is negative
         * @throws IllegalArgumentException if the type is not a dotted key or the account is blank
         */
        public Activity build() {
            return new Activity(this);
        }
    }
}
