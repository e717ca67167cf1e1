package dev.carbonkit.factors.convert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Regenerates the bundled YAML tables from the publishers' files. Run it from the repository root with
 * {@code mvn -B -q -pl carbon-factors -am compile exec:exec -P regenerate}; the regeneration test fails until
 * the committed tables equal what this writes.
 */
public final class Regenerate {

    private Regenerate() {
    }

    /**
     * Writes every bundled table.
     *
     * @param args  the carbon-factors module folder; the current folder if absent
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Path module = Path.of(args.length > 0 ? args[0] : ".");
        Path out = module.resolve("src/main/resources").resolve(BundledTables.RESOURCE_FOLDER);
        Files.createDirectories(out);
        for (BundledTables.Generated table : BundledTables.generate(module.resolve("sources"))) {
            Path file = out.resolve(table.id() + ".yaml");
            Files.writeString(file, table.yaml(), StandardCharsets.UTF_8);
            System.out.println(file + ": " + table.table().size() + " factors, " + table.table().getDigest());
        }
    }
}
