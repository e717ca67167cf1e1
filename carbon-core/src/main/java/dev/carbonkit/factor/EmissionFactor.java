package dev.carbonkit.factor;

import dev.carbonkit.emissions.Gas;
import dev.carbonkit.emissions.GasBasis;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.internal.Checks;
import dev.carbonkit.quantity.Dimension;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.quantity.Unit;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The emissions of one unit of an activity as a publisher states them, with where they come from: for
 * example, 'desnz-2024/4_301_3070_9: an average petrol car emits 0.26473 kg CO2e per mile in GB in 2024
 * (AR5), of which CO2 0.26364, CH4 0.00057, N2O 0.00052 kg CO2e'.
 * <p>
 * A factor has a CO2e total, per-gas values, or both. Per-gas values are either masses of each gas (EPA)
 * or CO2e of each gas under the factor's GWP set (DESNZ), as {@link #getGasBasis()} says. Each value is a
 * mass {@link Quantity} in the unit the publisher used (kg, g, t or lb), so that a value is the
 * publisher's cell, unchanged. A published total is authoritative under its own GWP set.
 * <p>
 * Provenance: the table's {@link TableInfo} (publisher, edition, licence), the publisher's own row id and
 * where in the source the row is. A {@linkplain #getStatus() status} such as "UNVERIFIED: secondary
 * source" travels with the factor into every explanation that uses it.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class EmissionFactor {


    // A table keeps thousands of factors (OWID: 5,198), so a factor keeps little of its own: what many factors of a
    // table share is one Shape, kept once per table, and the CO2e total is its digits, a long and a scale when they
    // fit (nearly always), rebuilt into a Quantity when asked for.

    private final String id;
    private final Shape shape;
    private final ValidityPeriod validity;
    private final Map<Gas, Quantity> gases;
    /** The row id as UTF-8, or null: read rarely (receipts, digests), kept without a String's 24 bytes. */
    private final byte[] rowId;
    /** The CO2e total's unscaled value when it fits in a long and there is a total; see {@link #co2eLarge}. */
    private final long co2eUnscaled;
    private final int co2eScale;
    /** The CO2e total's amount when its unscaled value does not fit in a long; else null. */
    private final BigDecimal co2eLarge;

    /**
     * What many factors of a table share: provenance, type, region, unit, GWP set and the like. Its equals and
     * hashCode are written out: a record's own are linked through invokedynamic on first use, which cost a fresh
     * JVM a quarter of loading the first table.
     */
    record Shape(TableInfo table, String activityType, Region region, Unit per, Unit co2eUnit, GwpSet gwpSet,
            GasBasis gasBasis, String location, Uncertainty uncertainty, String boundary, String status) {

        @Override
        public boolean equals(Object obj) {
            return obj instanceof Shape other && table.equals(other.table) && activityType.equals(other.activityType)
                    && region.equals(other.region) && per.equals(other.per) && Objects.equals(co2eUnit, other.co2eUnit)
                    && gwpSet == other.gwpSet && gasBasis == other.gasBasis && Objects.equals(location, other.location)
                    && Objects.equals(uncertainty, other.uncertainty) && Objects.equals(boundary, other.boundary)
                    && Objects.equals(status, other.status);
        }

        @Override
        public int hashCode() {
            int hash = table.hashCode();
            hash = hash * 31 + activityType.hashCode();
            hash = hash * 31 + region.hashCode();
            hash = hash * 31 + per.hashCode();
            hash = hash * 31 + Objects.hashCode(co2eUnit);
            hash = hash * 31 + Objects.hashCode(gwpSet);
            hash = hash * 31 + Objects.hashCode(gasBasis);
            hash = hash * 31 + Objects.hashCode(location);
            hash = hash * 31 + Objects.hashCode(uncertainty);
            hash = hash * 31 + Objects.hashCode(boundary);
            return hash * 31 + Objects.hashCode(status);
        }
    }

    private EmissionFactor(Builder builder) {
        this.id = builder.id;
        String activityType = Checks.requireActivityType(builder.activityType, "activity type of factor %s", id);
        Region region = require(builder.region, "region");
        this.validity = require(builder.validity, "validity");
        Unit per = require(builder.per, "per (the unit of activity)");
        Quantity co2e = builder.co2e;
        GwpSet gwpSet = builder.gwpSet;
        GasBasis gasBasis = builder.gases.isEmpty() ? null : builder.gasBasis;
        this.shape = new Shape(builder.table, activityType, region, per, co2e == null ? null : co2e.getUnit(), gwpSet,
                gasBasis, builder.location, builder.uncertainty, builder.boundary, builder.status);
        // most factors have no per-gas values: they share the empty map (130 bytes less each)
        this.gases = builder.gases.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(builder.gases));
        this.rowId = builder.rowId == null ? null : builder.rowId.getBytes(StandardCharsets.UTF_8);
        BigDecimal amount = co2e == null ? BigDecimal.ZERO : co2e.getAmount();
        boolean compact = amount.unscaledValue().bitLength() < Long.SIZE;
        this.co2eUnscaled = compact ? amount.unscaledValue().longValue() : 0;
        this.co2eScale = amount.scale();
        this.co2eLarge = compact ? null : amount;
        if (co2e == null && gases.isEmpty()) {
            throw new IllegalArgumentException("Factor " + id + " has neither a CO2e total nor per-gas values");
        }
        if (!gases.isEmpty() && builder.gasBasis == null) {
            throw new IllegalArgumentException("Factor " + id + " has per-gas values but no gas basis (MASS or CO2E)");
        }
        if (gasBasis == GasBasis.CO2E && gwpSet == null) {
            throw new IllegalArgumentException("Factor " + id + " gives per-gas CO2e but no GWP set");
        }
    }

    /** The same factor with a shape equal to its own, which a table shares among its factors. */
    private EmissionFactor(EmissionFactor factor, Shape shared) {
        this.id = factor.id;
        this.shape = shared;
        this.validity = factor.validity;
        this.gases = factor.gases;
        this.rowId = factor.rowId;
        this.co2eUnscaled = factor.co2eUnscaled;
        this.co2eScale = factor.co2eScale;
        this.co2eLarge = factor.co2eLarge;
    }

    /**
     * Returns this factor sharing the shape interned in a table's map: itself if its shape is the one kept.
     *
     * @param shapes  the shapes a table keeps, by themselves
     * @return an equal factor, never null
     */
    EmissionFactor sharingShape(Map<Shape, Shape> shapes) {
        Shape shared = shapes.putIfAbsent(shape, shape);
        return shared == null || shared == shape ? this : new EmissionFactor(this, shared);
    }

    private <T> T require(T value, String name) {
        if (value == null) {
            throw new NullPointerException("Factor " + id + " needs " + name);
        }
        return value;
    }

    /**
     * Creates a builder for a factor.
     *
     * @param id  the factor id, unique in its table, such as "desnz-2024/4_301_3070_9", not null
     * @param table  the table the factor belongs to, not null
     * @return a new builder, never null
     * @throws IllegalArgumentException if the id has characters other than letters, digits and ._:/-
     */
    public static Builder builder(String id, TableInfo table) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(table, "table");
        Checks.requireArgument(Checks.isFactorId(id),
                "Factor id must be letters, digits, '.', '_', ':', '/' or '-': '%s'", id);
        return new Builder(id, table);
    }

    //-----------------------------------------------------------------------
    /**
     * Gets the factor's id, such as "desnz-2024/4_301_3070_9".
     *
     * @return the id, never null
     */
    public String getId() {
        return id;
    }

    /**
     * Gets the table the factor belongs to: publisher, edition, licence.
     *
     * @return the table info, never null
     */
    public TableInfo getTable() {
        return shape.table();
    }

    /**
     * Gets the dotted activity type, such as "transport.car.average.petrol".
     *
     * @return the type, never null
     */
    public String getActivityType() {
        return shape.activityType();
    }

    /**
     * Gets the region the factor applies to.
     *
     * @return the region, never null
     */
    public Region getRegion() {
        return shape.region();
    }

    /**
     * Gets the dates on which the factor applies.
     *
     * @return the validity, never null
     */
    public ValidityPeriod getValidity() {
        return validity;
    }

    /**
     * Gets the unit of activity the values are per, such as miles.
     *
     * @return the unit, never null
     */
    public Unit getPer() {
        return shape.per();
    }

    /**
     * Gets the published CO2e total per unit of activity, a mass such as '0.26473 kg'.
     *
     * @return the total, empty if only per-gas values are published, never null
     */
    public Optional<Quantity> getCo2e() {
        return Optional.ofNullable(co2e());
    }

    /**
     * Gets the GWP set the publisher weighted the total and any per-gas CO2e with.
     *
     * @return the set, empty if the publisher does not state it, never null
     */
    public Optional<GwpSet> getGwpSet() {
        return Optional.ofNullable(shape.gwpSet());
    }

    /**
     * Gets how the per-gas values are stated: as masses or as CO2e under {@link #getGwpSet()}.
     *
     * @return the basis, empty if there are no per-gas values, never null
     */
    public Optional<GasBasis> getGasBasis() {
        return Optional.ofNullable(shape.gasBasis());
    }

    /**
     * Gets the per-gas values per unit of activity, each a mass in the publisher's unit.
     *
     * @return the values in {@link Gas} order, unmodifiable, never null
     */
    public Map<Gas, Quantity> getGases() {
        return gases;
    }

    /**
     * Gets the publisher's own id of the row, such as "4_301_3070_9".
     *
     * @return the row id, never null
     */
    public Optional<String> getRowId() {
        return rowId == null ? Optional.empty() : Optional.of(new String(rowId, StandardCharsets.UTF_8));
    }

    /**
     * Gets where in the source file the row is, such as "sheet Factors by Category".
     *
     * @return the location, never null
     */
    public Optional<String> getLocation() {
        return Optional.ofNullable(shape.location());
    }

    /**
     * Gets the publisher's stated uncertainty.
     *
     * @return the uncertainty, never null
     */
    public Optional<Uncertainty> getUncertainty() {
        return Optional.ofNullable(shape.uncertainty());
    }

    /**
     * Gets what the factor covers, such as "tailpipe (scope 1)" or "lifecycle".
     *
     * @return the boundary, never null
     */
    public Optional<String> getBoundary() {
        return Optional.ofNullable(shape.boundary());
    }

    /**
     * Gets a status label the data carries, such as "UNVERIFIED: secondary source".
     *
     * @return the status, empty if the value was read from the publisher's own file, never null
     */
    public Optional<String> getStatus() {
        return Optional.ofNullable(shape.status());
    }

    /** The CO2e total as a quantity, rebuilt from its digits, or null. */
    private Quantity co2e() {
        if (shape.co2eUnit() == null) {
            return null;
        }
        return Quantity.of(co2eLarge != null ? co2eLarge : BigDecimal.valueOf(co2eUnscaled, co2eScale),
                shape.co2eUnit());
    }

    //-----------------------------------------------------------------------
    @Override
    public boolean equals(Object obj) {
        return obj instanceof EmissionFactor other && id.equals(other.id) && shape.equals(other.shape)
                && validity.equals(other.validity) && co2eUnscaled == other.co2eUnscaled
                && co2eScale == other.co2eScale && Objects.equals(co2eLarge, other.co2eLarge)
                && gases.equals(other.gases) && Arrays.equals(rowId, other.rowId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, shape.activityType(), shape.region(), validity, shape.per(), getCo2e().orElse(null),
                gases);
    }

    /**
     * Returns a summary such as
     * "desnz-2024/4_301_3070_9 transport.car.average.petrol GB 2024-01-01/2024-12-31: 0.26473 kg CO2e/mi (AR5)".
     *
     * @return the summary, never null
     */
    @Override
    public String toString() {
        Quantity co2e = co2e();
        GasBasis gasBasis = shape.gasBasis();
        GwpSet gwpSet = shape.gwpSet();
        Unit per = shape.per();
        StringBuilder text = new StringBuilder(id).append(' ').append(shape.activityType()).append(' ')
                .append(shape.region()).append(' ').append(validity).append(':');
        if (co2e != null) {
            text.append(' ').append(co2e).append(" CO2e/").append(per);
        }
        if (!gases.isEmpty()) {
            text.append(co2e == null ? " " : " [");
            String separator = "";
            for (Map.Entry<Gas, Quantity> gas : gases.entrySet()) {
                text.append(separator).append(gas.getKey()).append(' ').append(gas.getValue())
                        .append(gasBasis == GasBasis.CO2E ? " CO2e" : "").append('/').append(per);
                separator = ", ";
            }
            text.append(co2e == null ? "" : "]");
        }
        return text.append(" (").append(gwpSet == null ? "GWP set not stated" : gwpSet.name()).append(')').toString();
    }

    //-----------------------------------------------------------------------
    /**
     * Builds an {@link EmissionFactor}. Not thread-safe.
     */
    public static final class Builder {

        private final String id;
        private final TableInfo table;
        private String activityType;
        private Region region;
        private ValidityPeriod validity;
        private Unit per;
        private Quantity co2e;
        private GwpSet gwpSet;
        private GasBasis gasBasis;
        private final Map<Gas, Quantity> gases = new EnumMap<>(Gas.class);
        private String rowId;
        private String location;
        private Uncertainty uncertainty;
        private String boundary;
        private String status;

        private Builder(String id, TableInfo table) {
            this.id = id;
            this.table = table;
        }

        /**
         * Sets the dotted activity type (required), such as "transport.car.average.petrol".
         *
         * @param activityType  the type, not null
         * @return this builder
         */
        public Builder activityType(String activityType) {
            this.activityType = Objects.requireNonNull(activityType, "activityType");
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
         * Sets the dates of validity (required); use {@link ValidityPeriod#ALWAYS} for a timeless value.
         *
         * @param validity  the validity, not null
         * @return this builder
         */
        public Builder validity(ValidityPeriod validity) {
            this.validity = Objects.requireNonNull(validity, "validity");
            return this;
        }

        /**
         * Sets the unit of activity the values are per (required).
         *
         * @param per  the unit, not null
         * @return this builder
         */
        public Builder per(Unit per) {
            this.per = Objects.requireNonNull(per, "per");
            return this;
        }

        /**
         * Sets the published CO2e total per unit of activity.
         *
         * @param co2e  a mass, such as '0.26473 kg', not null
         * @return this builder
         * @throws IllegalArgumentException if the quantity is not a mass
         */
        public Builder co2e(Quantity co2e) {
            this.co2e = requireMass(co2e, "CO2e");
            return this;
        }

        /**
         * Sets the GWP set the publisher used.
         *
         * @param gwpSet  the set, or null if the publisher does not state it
         * @return this builder
         */
        public Builder gwpSet(GwpSet gwpSet) {
            this.gwpSet = gwpSet;
            return this;
        }

        /**
         * Sets how the per-gas values are stated (required when there are per-gas values).
         *
         * @param gasBasis  the basis, not null
         * @return this builder
         */
        public Builder gasBasis(GasBasis gasBasis) {
            this.gasBasis = Objects.requireNonNull(gasBasis, "gasBasis");
            return this;
        }

        /**
         * Sets one gas's value per unit of activity.
         *
         * @param gas  the gas, not null
         * @param value  a mass, such as '0.0059 g', not null
         * @return this builder
         * @throws IllegalArgumentException if the quantity is not a mass, or the gas was already set
         */
        public Builder gas(Gas gas, Quantity value) {
            Objects.requireNonNull(gas, "gas");
            if (gases.putIfAbsent(gas, requireMass(value, gas.getCode())) != null) {
                throw new IllegalArgumentException("Factor " + id + " gives " + gas + " twice");
            }
            return this;
        }

        /**
         * Sets the publisher's own row id.
         *
         * @param rowId  the row id, or null
         * @return this builder
         */
        public Builder rowId(String rowId) {
            this.rowId = rowId;
            return this;
        }

        /**
         * Sets where in the source the row is.
         *
         * @param location  the location, or null
         * @return this builder
         */
        public Builder location(String location) {
            this.location = location;
            return this;
        }

        /**
         * Sets the publisher's stated uncertainty.
         *
         * @param uncertainty  the uncertainty, or null
         * @return this builder
         */
        public Builder uncertainty(Uncertainty uncertainty) {
            this.uncertainty = uncertainty;
            return this;
        }

        /**
         * Sets what the factor covers, such as "lifecycle".
         *
         * @param boundary  the boundary, or null
         * @return this builder
         */
        public Builder boundary(String boundary) {
            this.boundary = boundary;
            return this;
        }

        /**
         * Sets a status label, such as "UNVERIFIED: secondary source".
         *
         * @param status  the status, or null
         * @return this builder
         */
        public Builder status(String status) {
            this.status = status;
            return this;
        }

        private Quantity requireMass(Quantity value, String what) {
            Objects.requireNonNull(value, what);
            if (value.getDimension() != Dimension.MASS) {
                throw new IllegalArgumentException("Factor " + id + ": " + what + " must be a mass, not '" + value + "'");
            }
            return value;
        }

        /**
         * Builds the factor.
         *
         * @return the factor, never null
         * @throws NullPointerException if a required field is missing, naming it and the factor id
         * @throws IllegalArgumentException if the values are inconsistent, naming the factor id
         */
        public EmissionFactor build() {
            return new EmissionFactor(this);
        }
    }
}
