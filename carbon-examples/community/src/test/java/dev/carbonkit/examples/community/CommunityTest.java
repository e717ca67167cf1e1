package dev.carbonkit.examples.community;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carbonkit.audit.ReceiptChain;
import dev.carbonkit.audit.ReceiptReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The community example writes the same bytes every run, and its report covers every resident. */
class CommunityTest {

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void twoRuns_writeIdenticalReceiptsAndReports(@TempDir Path first, @TempDir Path second) throws Exception {
        Community.Written one = Community.write(first);
        Community.Written two = Community.write(second);
        for (String name : new String[] {"receipts.jsonl", "report.json", "report.md", "report.html"}) {
            assertThat(sha256(first.resolve(name))).as(name).isEqualTo(sha256(second.resolve(name)));
        }
        assertThat(one.report().getMemberCount()).isEqualTo(Community.RESIDENTS);
        // every line a receipt but the end line; the report publishes the head of the file it summed
        assertThat(one.report().getReceiptCount()).isEqualTo(Files.lines(one.receipts()).count() - 1);
        try (ReceiptReader reader = new ReceiptReader(Files.newInputStream(one.receipts()), "receipts.jsonl")) {
            reader.forEach(receipt -> { });
            assertThat(reader.getChain().getStatus()).isEqualTo(ReceiptChain.Status.INTACT);
            assertThat(one.report().getChain()).get().extracting(ReceiptChain::getHead)
                    .isEqualTo(reader.getChain().getHead());
            assertThat(Files.readString(one.markdown())).contains("Receipts file: chain intact: "
                    + one.report().getReceiptCount() + " receipts, head " + reader.getChain().getHead() + ".");
        }
        assertThat(one.report().getSources()).containsOnlyKeys("ruleset cn-alipay-ant-forest",
                "ruleset cn-sz-low-carbon-public-transit", "table cn-electricity", "table poore-nemecek-2018")
                .allSatisfy((source, digests) -> assertThat(digests).hasSize(1));
        assertThat(Files.readString(two.markdown())).startsWith("# " + Community.TITLE + "\n")
                .contains("## Footprint by category");
        assertThat(Files.readString(two.html())).contains("<svg");
    }

    @Test
    void main_printsTheSummary(@TempDir Path directory) throws IOException {
        Community.main(new String[] {directory.toString()});
        assertThat(directory.resolve("report.json")).exists();
    }
}
