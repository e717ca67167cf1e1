package dev.carbonkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The version receipts name is the build's. */
class VersionTest {

    @Test
    void theVersionIsTheBuildsVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        int parent = pom.indexOf("<parent>");
        int version = pom.indexOf("<version>", parent) + "<version>".length();
        assertThat(Version.VERSION).isEqualTo(pom.substring(version, pom.indexOf("</version>", version)));
        assertThat(Version.ENGINE).isEqualTo("carbonkit " + Version.VERSION);
    }
}
