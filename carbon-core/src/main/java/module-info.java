/**
 * carbonkit's core: exact quantities and units, greenhouse gases and GWP sets, emission factors and their
 * tables and catalogs, factor selection and the footprint engine, and (in {@code dev.carbonkit.io}) the safe
 * YAML loader of factor tables. The calculation packages depend on the JDK only; SnakeYAML is used by the io
 * package alone.
 */
module dev.carbonkit.core {
    requires org.yaml.snakeyaml;

    exports dev.carbonkit;
    exports dev.carbonkit.quantity;
    exports dev.carbonkit.emissions;
    exports dev.carbonkit.factor;
    exports dev.carbonkit.calc;
    exports dev.carbonkit.credit;
    exports dev.carbonkit.io;
}
