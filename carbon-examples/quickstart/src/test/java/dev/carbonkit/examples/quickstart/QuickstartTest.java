package dev.carbonkit.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The quickstart runs, prints exact figures with their calculations, and is 20 lines. */
class QuickstartTest {

    @Test
    void printsTheFootprintTheCreditAndAReceipt() {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            Quickstart.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("3.17676 kg CO2e, from desnz-2024/4_301_3070_9\n")
                .contains("MULTIPLY  12 mi x 0.26473 kg CO2e/mi = 3.17676 kg CO2e (published total, AR5)\n")
                .contains("583.75 g CO2e avoided, AWARDED\n")
                .contains("avoided: 12.5 pkm x net factor 46.7 g/pkm = 583.75 g\n")
                .contains("{\"account\":\"alex\",");
    }

    @Test
    void theMainMethodIsTwentyLines() throws IOException {
        String source = Files.readString(Path.of("src/main/java/dev/carbonkit/examples/quickstart/Quickstart.java"));
        String body = source.substring(source.indexOf("public static void main"), source.lastIndexOf("    }\n}"));
        long lines = body.lines().skip(1).filter(line -> !line.isBlank()).count();
        assertThat(lines).isLessThanOrEqualTo(20);
    }
}
