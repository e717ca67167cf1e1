package dev.carbonkit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.FootprintEngine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A chained receipts file is tamper-evident as a whole: each way of tampering with one, through the API, and a
 * property test that any single-byte change, duplicated, deleted or swapped line is caught.
 */
class ReceiptChainTest {

    private static final FootprintEngine ENGINE = FootprintEngine.of(CalculationPolicy.defaults(), ReceiptTest.CATALOG);

    /** Receipts of {@code count} trips, of two accounts. */
    static List<Receipt> receipts(int count) {
        List<Receipt> receipts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            receipts.add(Receipt.of(ENGINE.score(ReceiptTest.trip("t" + i, i % 2 == 0 ? "alice" : "bob",
                    "transport.rail.underground", (i + 1) + " pkm", "2024-06-0" + (1 + i % 9))), ENGINE.getPolicy()));
        }
        return receipts;
    }

    /** The lines of a finished chained file of these receipts. */
    static List<String> chained(List<Receipt> receipts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ReceiptWriter writer = new ReceiptWriter(bytes)) {
            writer.writeAll(receipts);
            writer.finish();
        }
        return new ArrayList<>(Arrays.asList(bytes.toString(StandardCharsets.UTF_8).split("\n")));
    }

    static ReceiptChain read(List<String> lines) throws IOException {
        return read(String.join("\n", lines) + (lines.isEmpty() ? "" : "\n"));
    }

    static ReceiptChain read(String text) throws IOException {
        try (ReceiptReader reader = new ReceiptReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                "r.jsonl")) {
            reader.forEach(receipt -> { });
            return reader.getChain();
        }
    }

    private static List<String> findings(ReceiptChain chain) {
        return chain.getFindings().stream().map(ReceiptChain.Finding::toString).toList();
    }

    //-----------------------------------------------------------------------
    @Test
    void aFinishedFile_isIntact_andItsHeadIsTheWritersHead() throws IOException {
        List<Receipt> receipts = receipts(4);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String head;
        try (ReceiptWriter writer = new ReceiptWriter(bytes)) {
            writer.writeAll(receipts);
            head = writer.getHead();
            writer.finish();
            writer.finish();
        }
        ReceiptChain chain = read(bytes.toString(StandardCharsets.UTF_8));
        assertThat(chain.getStatus()).isEqualTo(ReceiptChain.Status.INTACT);
        assertThat(chain.isTrusted()).isTrue();
        assertThat(chain.getReceipts()).isEqualTo(4);
        assertThat(chain.getHead()).isEqualTo(head).isNotEqualTo(ReceiptChain.GENESIS);
        assertThat(chain).hasToString("chain intact: 4 receipts, head " + head);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).endsWith("{\"count\":\"4\",\"format\":\"carbonkit-receipt/2\","
                + "\"head\":\"" + head + "\",\"kind\":\"end\"}\n");
    }

    @Test
    void aDuplicatedLine_isCaughtAtItsLine() throws IOException {
        List<String> lines = chained(receipts(5));
        lines.add(3, lines.get(2));
        assertThat(findings(read(lines))).containsExactly("line 4: DUPLICATE: receipt 3 is already at line 3");
    }

    @Test
    void aDroppedLine_isCaughtAtItsPlace() throws IOException {
        List<String> lines = chained(receipts(5));
        lines.remove(2);
        assertThat(findings(read(lines))).containsExactly("line 3: MISSING: receipt 3 is missing: the file goes from"
                + " receipt 2 to a later one");
    }

    @Test
    void swappedLines_areCaught() throws IOException {
        List<String> lines = chained(receipts(5));
        String third = lines.get(2);
        lines.set(2, lines.get(3));
        lines.set(3, third);
        assertThat(findings(read(lines))).containsExactly(
                "line 4: REORDERED: receipt 3 comes after receipt 4: out of its place");
    }

    /** An input changed where the result does not change (a second later; another account name) is caught. */
    @Test
    void anyByteChanged_inputsAsWellAsResults_isCaught() throws IOException {
        List<String> lines = chained(receipts(5));
        lines.set(1, lines.get(1).replaceFirst("(\"time\":\"[0-9-]+T[0-9:]{5}:)00", "$101"));
        assertThat(lines.get(1)).contains(":01Z\"");
        lines.set(3, lines.get(3).replace("\"account\":\"bob\"", "\"account\":\"mallory\""));
        assertThat(findings(read(lines))).containsExactly(
                "line 2: CHANGED: line 2's bytes are not those line 3 links to (it was changed after it was chained)",
                "line 4: CHANGED: line 4's bytes are not those line 5 links to (it was changed after it was chained)");
        List<String> last = chained(receipts(3));
        last.set(2, last.get(2).replace("\"account\":\"alice\"", "\"account\":\"mallory\""));
        assertThat(findings(read(last))).containsExactly("line 3: CHANGED: line 3's bytes are not those the end line's"
                + " head names (it was changed after it was chained)");
    }

    @Test
    void aTruncatedFile_isCaught() throws IOException {
        List<String> lines = chained(receipts(5));
        assertThat(findings(read(lines.subList(0, 5)))).containsExactly("line 5: TRUNCATED: the file ends after receipt"
                + " 5 without its end line: it was cut short, or its writer did not finish");
        assertThat(findings(read(lines.subList(0, 3)))).containsExactly("line 3: TRUNCATED: the file ends after receipt"
                + " 3 without its end line: it was cut short, or its writer did not finish");
        // the last receipts dropped and the end line kept
        List<String> cut = new ArrayList<>(lines.subList(0, 3));
        cut.add(lines.get(5));
        assertThat(findings(read(cut))).containsExactly(
                "line 4: MISSING: receipt 4 is missing: the file goes from receipt 3 to a later one",
                "line 4: MISSING: receipt 5 is missing: the file goes from receipt 4 to a later one");
    }

    @Test
    void anEmptyFile_isEmpty() throws IOException {
        assertThat(read("").getStatus()).isEqualTo(ReceiptChain.Status.EMPTY);
        assertThat(read("\n\n").getStatus()).isEqualTo(ReceiptChain.Status.EMPTY);
        ReceiptChain none = read(chained(List.of()));
        assertThat(none.getStatus()).isEqualTo(ReceiptChain.Status.EMPTY);
        assertThat(none.getHead()).isEqualTo(ReceiptChain.GENESIS);
        assertThat(none).hasToString("no receipts");
    }

    @Test
    void theFormerFormat_isReadAndReportedUnchained_andItsDuplicatesCaught() throws IOException {
        List<String> lines = new ArrayList<>(receipts(3).stream().map(Receipt::toJson).toList());
        ReceiptChain chain = read(lines);
        assertThat(chain.getStatus()).isEqualTo(ReceiptChain.Status.UNCHAINED);
        assertThat(chain.isTrusted()).isTrue();
        assertThat(chain).hasToString("unchained (format carbonkit-receipt/1): 3 receipts, their order and number"
                + " cannot be checked");
        lines.add(lines.get(0));
        assertThat(findings(read(lines))).containsExactly("line 4: DUPLICATE_ID: receipt t0 (FOOTPRINT) is already at"
                + " line 1");
    }

    @Test
    void mixedFiles_andLinesAfterTheEnd_areCaught() throws IOException {
        List<String> lines = chained(receipts(3));
        List<String> after = new ArrayList<>(lines);
        after.add(lines.get(0));
        assertThat(findings(read(after))).contains("line 5: MIXED: a receipt after the end line at line 4");
        List<String> mixed = new ArrayList<>(lines);
        mixed.add(1, receipts(5).get(4).toJson());
        assertThat(findings(read(mixed))).contains("line 2: MIXED: a receipt without a chain link in a chained file");
    }

    /**
     * A link claiming a place far beyond the file (two billion: 8 GB of places, were it given
     * room) is a gap, reported, and takes no memory of its size: the check's memory follows the receipts read.
     */
    @Test
    void aLinkFarBeyondTheFile_isAGap_andTakesNoRoomOfItsSize() throws IOException {
        List<String> lines = chained(receipts(3));
        lines.set(1, lines.get(1).replace("\"sequence\":\"2\"", "\"sequence\":\"2000000000\""));
        ReceiptChain chain = read(lines);
        assertThat(chain.getStatus()).isEqualTo(ReceiptChain.Status.BROKEN);
        assertThat(findings(chain)).contains("line 2: MISSING: receipt 2 is missing: the file goes from receipt 1 to a"
                + " later one");
    }

    /**
     * Any single byte changed (to any other byte), any line duplicated, deleted, or two swapped, in a random file of
     * chained receipts: the file does not read as intact (or does not read at all).
     */
    /** A line of megabytes is refused before it is held; a file whose lines end in CRLF reads as the writer wrote it. */
    @Test
    void aHugeLine_isRefused_andCrlfLinesRead() throws IOException {
        List<String> lines = chained(receipts(3));
        String huge = lines.get(0) + "\n" + "{\"x\":\"" + "y".repeat(3_000_000) + "\"}\n";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read(huge)).isInstanceOf(ReceiptFormatException.class)
                .hasMessage("r.jsonl:2:1: a line of more than 1048576 characters; a receipt is far shorter");
        ReceiptChain crlf = read(String.join("\r\n", lines) + "\r\n");
        assertThat(crlf.getStatus()).isEqualTo(ReceiptChain.Status.INTACT);
        assertThat(crlf.getHead()).isEqualTo(read(lines).getHead());
    }

    /** A chained line is spliced from the receipt's text; it is the canonical text of the chained tree, of any kind. */
    @Test
    void aChainedLine_isTheCanonicalTextOfItsTree() {
        List<Receipt> all = new ArrayList<>(receipts(3));
        all.addAll(ReceiptVerifierTest.awards());
        all.add(Receipt.parse(all.get(0).toJson()));
        Receipt odd = Receipt.parse(all.get(1).toJson().replace("\"account\":\"bob\"", "\"account\":\"b\\\"o\\nb\""));
        all.add(odd);
        for (long sequence : new long[] {1, 9, 123_456_789_012L}) {
            for (Receipt receipt : all) {
                Receipt chained = receipt.toChained(sequence, ReceiptChain.GENESIS);
                assertThat(chained.toJson()).isEqualTo(dev.carbonkit.internal.CanonicalJson.write(chained.tree()));
                assertThat(chained.withoutLink()).isEqualTo(receipt);
                assertThat(chained.getLink()).hasValue(new Receipt.Link(sequence, ReceiptChain.GENESIS));
            }
        }
        assertThat(odd.getAccount()).isEqualTo("b\"o\nb");
    }

    @Test
    void anySingleTampering_isCaught() throws IOException {
        List<String> clean = chained(receipts(12));
        byte[] original = (String.join("\n", clean) + "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(read(clean).getStatus()).isEqualTo(ReceiptChain.Status.INTACT);
        qt().withFixedSeed(20261204L).withExamples(3_000).forAll(integers().between(0, 3), longs().all())
                .checkAssert((kind, seed) -> {
                    Random random = new Random(seed);
                    String tampered;
                    if (kind == 0) {
                        byte[] bytes = original.clone();
                        int at = random.nextInt(bytes.length);
                        bytes[at] = (byte) (bytes[at] + 1 + random.nextInt(255));
                        tampered = new String(bytes, StandardCharsets.ISO_8859_1);
                    } else {
                        List<String> lines = new ArrayList<>(clean);
                        int i = random.nextInt(lines.size());
                        int j = random.nextInt(lines.size() - 1);
                        j = j >= i ? j + 1 : j;
                        if (kind == 1) {
                            lines.add(j, lines.get(i));
                        } else if (kind == 2) {
                            lines.remove(i);
                        } else {
                            String line = lines.get(i);
                            lines.set(i, lines.get(j));
                            lines.set(j, line);
                        }
                        tampered = String.join("\n", lines) + "\n";
                    }
                    assertThat(readsIntact(tampered.getBytes(kind == 0 ? StandardCharsets.ISO_8859_1
                            : StandardCharsets.UTF_8))).as("kind %d, seed %d", kind, seed).isFalse();
                });
    }

    /** Whether bytes read as an intact chain; a file that does not read at all is not. */
    private static boolean readsIntact(byte[] bytes) {
        try (ReceiptReader reader = new ReceiptReader(new ByteArrayInputStream(bytes), "t.jsonl")) {
            reader.forEach(receipt -> { });
            return reader.getChain().getStatus() == ReceiptChain.Status.INTACT;
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }
}
