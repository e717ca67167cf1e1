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
 * Cold start, each measurement in a fresh JVM: the bundled catalog loaded and a first activity scored (its tables are
 * deferred: scoring reads the tables of that activity's type), the same with every table read in full, and one
 * bundled table loaded alone and a first activity scored, against a raw SnakeYAML parse (compose, as the YAML loader does
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
        return firstScore(FootprintEngine.of(CalculationPolicy.defaults(), BundledFactors.catalog()), "2024-06-01T08:00:00Z");
    }

    /**
     * Loads the bundled catalog, reads every one of its tables in full (5,902 factors), and scores one activity: the
     * cold start before tables were deferred, and the cost of an app that scores every type.
     *
     * @return the footprint's CO2e
     */
    @Benchmark
    public Object wholeCatalogAndFirstScore() {
        FactorCatalog catalog = BundledFactors.catalog();
        int factors = 0;
        for (FactorTable table : catalog.getTables()) {
            factors += table.size();
        }
        if (factors == 0) {
            throw new IllegalStateException("no factors read");
        }
        return firstScore(FootprintEngine.of(CalculationPolicy.defaults(), catalog), "2024-06-01T08:00:00Z");
    }

    /**
     * The on-device path: one bundled table (DESNZ 2025, 103 KB of YAML) loaded alone, and a first activity scored.
     *
     * @return the footprint's CO2e
     */
    @Benchmark
    public Object oneTableAndFirstScore() {
        FactorTable table = BundledFactors.table("desnz-2025");
        return firstScore(FootprintEngine.of(CalculationPolicy.defaults(), table), "2025-06-01T08:00:00Z");
    }

    /**
     * Scores 3.2 kWh of grid electricity in London at an instant: the first activity of each cold start. The instant
     * comes whole: a string concatenation here would add its own first linking to the time measured.
     */
    private static Object firstScore(FootprintEngine engine, String instant) {
        return engine.score(Activity.builder("a").account("x").type("home.electricity.grid")
                .quantity(Quantity.parse("3.2 kWh")).time(Instant.parse(instant),
                        ZoneId.of("Europe/London")).region(Region.of("GB")).build()).getCo2e();
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
