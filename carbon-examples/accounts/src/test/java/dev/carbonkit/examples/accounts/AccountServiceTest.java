package dev.carbonkit.examples.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carbonkit.audit.Receipt;
import dev.carbonkit.audit.ReceiptChain;
import dev.carbonkit.audit.ReceiptReader;
import dev.carbonkit.audit.ReceiptVerifier;
import dev.carbonkit.audit.Verification;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.factor.FactorCatalog;
import dev.carbonkit.factors.BundledRules;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The account service over HTTP: awards, a restart over the same SQLite file, a late payment, a reversal. */
class AccountServiceTest {

    private static final RuleSet ANT = BundledRules.ruleSet("cn-alipay-ant-forest");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private static HttpResponse<String> send(AccountService service, String method, String path, String body)
            throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String payment(String id, String time) {
        return "{\"id\":\"" + id + "\",\"type\":\"payment.offline\",\"quantity\":\"1 count\",\"time\":\"" + time
                + "\",\"zone\":\"Asia/Shanghai\",\"region\":\"CN\",\"attributes\":{\"amount_cny\":\"8\"}}";
    }

    @Test
    void theDemo_awardsRestartsAndCorrectsALatePayment() throws Exception {
        String out = AccountService.demo(dir.resolve("accounts.db"), ANT);
        assertThat(out).contains("pay-20 ant-offline-payment: CAPPED, 0 g, 0 points\n")
                .contains("(the service is stopped and started again over the same file)\n")
                .contains("pay-09 ant-offline-payment: AWARDED, 5 g, 5 points\n")
                .contains("reduction ledger: 102 g CO2e\n")
                .contains("  cn-alipay-ant-forest:pay-19:ant-offline-payment:reduction#2 REVERSAL -5 g (reversed because"
                        + " activity pay-09 was awarded)\n")
                .contains("  pay-09 under ant-offline-payment\n    activity pay-09: payment.offline, 1 count,"
                        + " 2024-02-29T16:30:00Z = 2024-03-01 in Asia/Shanghai\n")
                .contains("    cap DAY COUNT 10: 1 of 10 used\n");
    }

    @Test
    void accountsSurviveARestart_andReversalsAreWritten() throws Exception {
        Path file = dir.resolve("ledger.db");
        String before;
        try (AccountService service = AccountService.start(file, 0, ANT)) {
            assertThat(send(service, "POST", "/accounts/alice/activities", "[" + payment("p1", "2024-03-01T02:00:00Z")
                    + "," + payment("p2", "2024-03-01T03:00:00Z") + "]").body())
                    .isEqualTo("p1 ant-offline-payment: AWARDED, 5 g, 5 points\np2 ant-offline-payment: AWARDED, 5 g,"
                            + " 5 points\n");
            before = send(service, "GET", "/accounts/alice", null).body();
        }
        assertThat(Files.size(file)).isPositive();
        try (AccountService service = AccountService.start(file, 0, ANT)) {
            assertThat(send(service, "GET", "/accounts/alice", null).body()).isEqualTo(before);
            // the same payment again changes nothing
            assertThat(send(service, "POST", "/accounts/alice/activities", payment("p1", "2024-03-01T02:00:00Z")).body())
                    .isEqualTo("p1 ant-offline-payment: AWARDED, 5 g, 5 points\n");
            assertThat(send(service, "POST", "/accounts/alice/activities/p2/reversal?reason=refund%20R-2", null).body())
                    .isEqualTo("cn-alipay-ant-forest:p2:ant-offline-payment:reduction#2 REVERSAL -5 g (reversed because"
                            + " activity p2 was reversed: refund R-2)\ncn-alipay-ant-forest:p2:ant-offline-payment:points#2"
                            + " REVERSAL -5 points (reversed because activity p2 was reversed: refund R-2)\n");
            assertThat(send(service, "GET", "/accounts/alice", null).body()).contains("reduction ledger: 5 g CO2e\n");
        }
    }

    /** The ledger's receipts, a reversal among them, verify against the rule set, and their chain is intact. */
    @Test
    void theLedgersReceipts_replay() throws Exception {
        try (AccountService service = AccountService.start(dir.resolve("receipts.db"), 0, ANT)) {
            send(service, "POST", "/accounts/alice/activities", "[" + payment("p1", "2024-03-01T02:00:00Z") + ","
                    + payment("p2", "2024-03-01T03:00:00Z") + "]");
            send(service, "POST", "/accounts/alice/activities/p1/reversal?reason=refund%20R-1", null);
            HttpResponse<String> receipts = send(service, "GET", "/accounts/alice/receipts?as_of=2024-03-10T00:00:00Z",
                    null);
            assertThat(receipts.statusCode()).isEqualTo(200);
            List<Receipt> read = new ArrayList<>();
            ReceiptChain chain;
            try (ReceiptReader reader = new ReceiptReader(new ByteArrayInputStream(receipts.body()
                    .getBytes(StandardCharsets.UTF_8)), "receipts")) {
                reader.forEach(read::add);
                chain = reader.getChain();
            }
            assertThat(chain.getStatus()).isEqualTo(ReceiptChain.Status.INTACT);
            // two awards, one reversal, and p2's points lost unclaimed by 10 March
            assertThat(read).extracting(receipt -> receipt.get("event.kind").orElseThrow())
                    .containsExactly("AWARDED", "AWARDED", "REVERSED", "EXPIRED");
            assertThat(read.get(2).get("event.reason")).hasValue("refund R-1");
            Map<Verification.Status, Long> counts = ReceiptVerifier.of(FactorCatalog.of(), List.of(ANT))
                    .verifyAll(read, verification -> { });
            assertThat(counts.get(Verification.Status.REPRODUCED)).isEqualTo(4L);
            assertThat(send(service, "GET", "/accounts/alice/receipts?as_of=soon", null).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void badRequests_areAnsweredWithWhatIsWrong() throws Exception {
        try (AccountService service = AccountService.start(dir.resolve("bad.db"), 0, ANT)) {
            HttpResponse<String> missing = send(service, "POST", "/accounts/alice/activities", "{\"id\":\"x\"}");
            assertThat(missing.statusCode()).isEqualTo(400);
            assertThat(missing.body()).startsWith("IllegalArgumentException: activity {\"id\":\"x\"} needs \"type\" as text");
            HttpResponse<String> quantity = send(service, "POST", "/accounts/alice/activities",
                    payment("p1", "2024-03-01T02:00:00Z").replace("1 count", "1,5 count"));
            assertThat(quantity.statusCode()).isEqualTo(400);
            assertThat(quantity.body()).contains("1,5 count");
            assertThat(send(service, "GET", "/accounts/alice/nothing", null).statusCode()).isEqualTo(404);
            HttpResponse<String> big = send(service, "POST", "/accounts/alice/activities", "[" + "{},".repeat(1_500_000)
                    + "{}]");
            assertThat(big.statusCode()).isEqualTo(400);
            assertThat(big.body()).isEqualTo("IllegalArgumentException: the request's body is over 4194304 bytes; send the"
                    + " activities in smaller batches\n");
            HttpResponse<String> unknown = send(service, "POST", "/accounts/alice/activities/zz/reversal", null);
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(unknown.body()).isEqualTo("IllegalArgumentException: Account 'alice' has no activity 'zz'; it has"
                    + " no activities at all: are the account and the activity id the wrong way round?\n");
        }
    }
}
