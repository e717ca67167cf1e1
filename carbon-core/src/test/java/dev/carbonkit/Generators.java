package dev.carbonkit;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.carbonkit.quantity.Dimension;
import dev.carbonkit.quantity.Unit;
import java.math.BigDecimal;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** QuickTheories generators shared by the property tests. */
public final class Generators {

    private Generators() {
    }

    /** Decimals from 0 up to 10^12 with 0 to 12 fraction digits. */
    public static Gen<BigDecimal> amounts() {
        return longs().between(0, 1_000_000_000_000L).zip(integers().between(0, 12), BigDecimal::valueOf);
    }

    /** Decimals between -10^12 and 10^12 with 0 to 12 fraction digits. */
    public static Gen<BigDecimal> signedAmounts() {
        return longs().between(-1_000_000_000_000L, 1_000_000_000_000L).zip(integers().between(0, 12), BigDecimal::valueOf);
    }

    /** Any physical unit. */
    public static Gen<Unit> units() {
        return Generate.pick(Unit.physicalUnits());
    }

    /** Pairs of physical units of the same dimension. */
    public static Gen<List<Unit>> convertiblePairs() {
        return units().zip(integers().between(0, 1000), (unit, pick) -> {
            List<Unit> same = Unit.physicalUnits().stream().filter(u -> u.getDimension() == unit.getDimension()).toList();
            return List.of(unit, same.get(pick % same.size()));
        });
    }

    /** Units of a dimension. */
    public static List<Unit> unitsOf(Dimension dimension) {
        return Unit.physicalUnits().stream().filter(u -> u.getDimension() == dimension).toList();
    }
}
