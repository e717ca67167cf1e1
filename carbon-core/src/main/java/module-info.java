/**
 * carbonkit's core: exact quantities and units, greenhouse gases and GWP sets, emission factors and their
 * tables, factor selection and the footprint engine. Depends on the JDK only.
 */
module dev.carbonkit.core {
    exports dev.carbonkit;
    exports dev.carbonkit.quantity;
    exports dev.carbonkit.emissions;
    exports dev.carbonkit.factor;
    exports dev.carbonkit.calc;
}
