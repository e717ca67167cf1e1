package dev.carbonkit.benchmarks;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.factor.FactorCatalog;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factors.BundledFactors;
import dev.carbonkit.quantity.Quantity;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Cold start, each measurement in a fresh JVM: the bundled catalog loaded and a first activity scored, and one bundled
 * table loaded alone and a first activity scored, against a raw SnakeYAML parse (compose, as the YAML loader does
 * first) of the same tables' YAML, the floor for loading them from YAML. The bundled tables load from the compact
 * form the build writes beside the YAML, which is why loading them now costs less than that floor.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(5)
public class LoadBenchmark {

    /**
     * Loads the bundled catalog and scores one activity.
     *
     * @return the footprint's CO2e
     */
    @Benchmark
    public Object catalogAndFirstScore() {
        FactorCatalog catalog = BundledFactors.catalog();
        return FootprintEngine.of(CalculationPolicy.defaults(), catalog).score(Activity.builder("a").account("x")
                .type("home.electricity.grid").quantity(Quantity.parse("3.2 kWh"))
                .time(Instant.parse("2024-06-01T08:00:00Z"), ZoneId.of("Europe/London")).region(Region.of("GB")).build())
                .getCo2e();
    }

    /**
     * The on-device path: one bundled table (DESNZ 2025, 103 KB of YAML) loaded alone, and a first activity scored.
     *
     * @return the footprint's CO2e
     */
    @Benchmark
    public Object oneTableAndFirstScore() {
        FactorTable table = BundledFactors.table("desnz-2025");
        return FootprintEngine.of(CalculationPolicy.defaults(), table).score(Activity.builder("a").account("x")
                .type("home.electricity.grid").quantity(Quantity.parse("3.2 kWh"))
                .time(Instant.parse("2025-06-01T08:00:00Z"), ZoneId.of("Europe/London")).region(Region.of("GB")).build())
                .getCo2e();
    }

    /**
     * Composes every bundled table's YAML with SnakeYAML, building nothing else.
     *
     * @param blackhole  the sink
     * @throws IOException if a resource cannot be read
     */
    @Benchmark
    public void rawSnakeYamlCompose(Blackhole blackhole) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        for (String id : BundledFactors.TABLE_IDS) {
            String resource = "dev/carbonkit/factors/tables/" + id + ".yaml";
            try (InputStream in = LoadBenchmark.class.getClassLoader().getResourceAsStream(resource)) {
                blackhole.consume(new Yaml(options).compose(new InputStreamReader(in, StandardCharsets.UTF_8)));
            }
        }
    }
}
