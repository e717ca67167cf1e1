/**
 * Carbon credits from activities, with every award explained: {@link dev.carbonkit.credit.CreditRule}s
 * grouped in a {@link dev.carbonkit.credit.RuleSet}, and the {@link dev.carbonkit.credit.CreditEngine} that
 * evaluates them in a documented, deterministic order into {@link dev.carbonkit.credit.Award}s and two
 * linked ledgers: reductions in grams of CO2e, and points.
 *
 * <p>No method in this package accepts {@code null} unless its documentation says so.
 */
package dev.carbonkit.credit;
