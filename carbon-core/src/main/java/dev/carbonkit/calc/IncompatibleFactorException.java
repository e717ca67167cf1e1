package dev.carbonkit.calc;

import dev.carbonkit.factor.EmissionFactor;
import dev.carbonkit.quantity.Quantity;

/**
 * Thrown when an activity names a factor explicitly whose unit cannot take the activity's quantity, such as
 * a factor per passenger-km for '12 km', or per kWh for '3 m3'. The message names both units and their
 * dimensions.
 */
public class IncompatibleFactorException extends ScoringException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception for a factor whose unit does not fit the quantity.
     *
     * @param activityId  the activity id, not null
     * @param factor  the factor named, not null
     * @param quantity  the activity's quantity, not null
     */
    public IncompatibleFactorException(String activityId, EmissionFactor factor, Quantity quantity) {
        super(activityId, "factor " + factor.getId() + " is per " + factor.getPer() + " ("
                + factor.getPer().getDimension() + "); the quantity '" + quantity + "' is "
                + quantity.getDimension() + " and does not convert");
    }
}
