package dev.carbonkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #17's hostile activity files through the `carbon` command: each bad row reported with its line and column, the
 * good rows after it still scored, no stack trace, and CSV output safe to open in a spreadsheet.
 */
class HostileInputCliTest {

    private static final String HEADER = "id,account,type,quantity,unit,region,time\n";

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static String tube(String id, String quantity) {
        return id + ",alice,transport.rail.underground," + quantity + ",pkm,GB,2024-05-01T08:30:00Z\n";
    }

    @Test
    void aMalformedCsvLine_isReportedAtItsColumn_andTheRowsAfterItAreScored() throws IOException {
        Path csv = file("quotes.csv", HEADER + tube("ok-1", "7") + tube("\"bad\"x", "7") + tube("\"open", "7")
                + tube("ok-2", "2"));
        CarbonTest.Run run = CarbonTest.run("", "score", csv.toString(), "--keep-going", "--format", "csv");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("\nok-1,0.1946,").contains("\nok-2,0.0556,");
        assertThat(run.err()).isEqualTo("carbon: " + csv + ":3:7: not a CSV record: Unexpected character ('x' (code 120)):"
                + " Expected column separator character (',' (code 44)) or end-of-line (skipped)\n"
                + "carbon: " + csv + ":4:69: not a CSV record: Missing closing quote for value (skipped)\n"
                + "carbon: 2 of 4 rows not scored\n");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    /**
     * Rows stream: what was scored before a bad row is written (csv, jsonl, receipts), and the run stops there; its
     * receipts file has no end line, so it reads as cut short.
     */
    @Test
    void aBadRow_withoutKeepGoing_stopsTheStream_andLeavesACutShortReceiptsFile() throws IOException {
        Path csv = file("stream.csv", HEADER + tube("ok-1", "7") + tube("ok-2", "2") + tube("bad", "7;5") + tube("ok-3", "1"));
        Path receipts = dir.resolve("r.jsonl");
        CarbonTest.Run run = CarbonTest.run("", "score", csv.toString(), "--format", "csv", "--receipts",
                receipts.toString());
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.out().lines()).hasSize(3).first().isEqualTo("id,co2e_kg,factor,table,digest,fallbacks");
        assertThat(run.err()).isEqualTo("carbon: " + csv + ":4:4: quantity: expected a decimal number, found '7;5' (use"
                + " --keep-going to skip bad rows)\n");
        CarbonTest.Run verified = CarbonTest.run("", "verify", receipts.toString());
        assertThat(verified.code()).isEqualTo(1);
        assertThat(verified.out()).contains("TRUNCATED: the file ends after receipt 2 without its end line");
        // the table format holds its rows for the column widths: nothing is printed before the bad row stops it
        CarbonTest.Run table = CarbonTest.run("", "score", csv.toString());
        assertThat(table.code()).isEqualTo(3);
        assertThat(table.out()).isEmpty();
    }

    @Test
    void aSpreadsheetsByteOrderMark_isNotPartOfTheFirstColumn() throws IOException {
        Path csv = file("bom.csv", "\uFEFF" + HEADER + tube("ok-1", "7"));
        CarbonTest.Run run = CarbonTest.run("", "score", csv.toString());
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("ok-1 ");
        Path jsonl = file("bom.jsonl", "\uFEFF{\"id\":\"j1\",\"account\":\"a\",\"type\":\"transport.rail.underground\","
                + "\"quantity\":\"7\",\"unit\":\"pkm\",\"region\":\"GB\",\"time\":\"2024-05-01T08:30:00Z\"}\n");
        assertThat(CarbonTest.run("", "score", jsonl.toString()).code()).isZero();
    }

    @Test
    void formulasInIds_areNeutralisedInCsvOutput() throws IOException {
        Path csv = file("formulas.csv", HEADER + tube("=1+1", "1") + tube("@SUM(1+1)", "1") + tube("\"+cmd|' /C calc'!A0\"",
                "1") + tube("-2+3", "1") + tube("plain", "1"));
        CarbonTest.Run run = CarbonTest.run("", "score", csv.toString(), "--format", "csv");
        assertThat(run.code()).isZero();
        assertThat(run.out().lines().skip(1).map(line -> line.substring(0, line.indexOf(",0.0278"))))
                .containsExactly("'=1+1", "'@SUM(1+1)", "'+cmd|' /C calc'!A0", "'-2+3", "plain");
        assertThat(Carbon.csv("a,b")).isEqualTo("\"a,b\"");
        assertThat(Carbon.csv("=A1,B1")).isEqualTo("\"'=A1,B1\"");
        assertThat(Carbon.csv("\tx")).isEqualTo("'\tx");
    }

    @Test
    void aQuantity_isBlamedOnTheQuantityColumn() throws IOException {
        Path csv = file("quantities.csv", HEADER + tube("neg", "-10") + tube("exp", "1e3") + tube("huge", "1e999999999")
                + tube("bad", "7,5"));
        CarbonTest.Run run = CarbonTest.run("", "score", csv.toString(), "--keep-going");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("exp ").contains("27.8");
        assertThat(run.err()).contains(csv + ":2:4: the quantity '-10' is negative; an activity's quantity is zero or"
                + " more (skipped)")
                .contains(csv + ":4:4: quantity: the number '1e999999999' has more than 40 digits before the decimal"
                        + " point (skipped)")
                .contains(csv + ":5: the row has 8 fields, the header 7 (skipped)")
                .endsWith("carbon: 3 of 4 rows not scored\n");
    }

    @Test
    void aJsonLineWithAHugeExponent_isOneBadRow_underKeepGoing() throws IOException {
        String good = "{\"id\":\"j2\",\"account\":\"a\",\"type\":\"transport.rail.underground\",\"quantity\":2,"
                + "\"unit\":\"pkm\",\"region\":\"GB\",\"time\":\"2024-05-01T08:30:00Z\"}\n";
        Path jsonl = file("huge.jsonl", good.replace("\"j2\"", "\"j1\"").replace("\"quantity\":2", "\"quantity\":1e999999999")
                + good.replace("\"j2\"", "\"j3\"").replace("\"quantity\":2", "\"quantity\":1e9999999999") + good);
        CarbonTest.Run run = CarbonTest.run("", "score", jsonl.toString(), "--keep-going");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("j2 ");
        assertThat(run.err()).contains(jsonl + ":1: quantity: a number of 1 digits and scale -999999999 is beyond 40"
                + " digits before the decimal point and 100 after it (skipped)")
                .contains(jsonl + ":2:").endsWith("carbon: 2 of 3 rows not scored\n").doesNotContain("\tat ");
        assertThat(CarbonTest.run("", "credits", jsonl.toString(), "--keep-going", "--rules", "cn-alipay-ant-forest").err())
                .endsWith("carbon: 2 of 3 rows not scored\n");
    }

    @Test
    void aTableWithAnAbsurdNumber_isRefusedWithItsPlace() throws IOException {
        Path table = file("absurd.yaml", "format: carbonkit-factor-table/1\ntable: t\ntitle: T\npublisher: P\n"
                + "edition: \"1\"\nlicence: CC0-1.0\ngwp: AR5\nregion: GB\nvalid: 2024-01-01/2024-12-31\nfactors:\n"
                + "  - id: t/tube\n    activity: transport.rail.underground\n    per: pkm\n    co2e: 1e9999999999\n");
        Path csv = file("one.csv", HEADER + tube("ok-1", "7"));
        CarbonTest.Run run = CarbonTest.run("", "score", csv.toString(), "--tables", table.toString());
        assertThat(run.code()).isEqualTo(4);
        assertThat(run.err()).contains(table + ":14:11: factors[0].co2e: the number '1e9999999999' has more than 40"
                + " digits before the decimal point").doesNotContain("\tat ");
    }
}
