package dev.carbonkit.examples.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.carbonkit.calc.Activity;
import dev.carbonkit.credit.Award;
import dev.carbonkit.audit.Receipt;
import dev.carbonkit.audit.ReceiptWriter;
import dev.carbonkit.credit.CarbonAccounts;
import dev.carbonkit.credit.CreditResult;
import dev.carbonkit.credit.LedgerEntry;
import dev.carbonkit.credit.LedgerStoreException;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.credit.jdbc.JdbcLedgerStore;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factors.BundledRules;
import dev.carbonkit.quantity.Quantity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteDataSource;

/**
 * A small carbon-account service: the JDK's own HTTP server in front of {@link CarbonAccounts}, which keeps the
 * accounts in a SQLite file through {@link JdbcLedgerStore}, so that they survive a restart. No web framework.
 * <pre>
 * POST /accounts/{account}/activities            a JSON object, or an array of them, awarded in one transaction:
 *   {"id": "p1", "type": "payment.offline", "quantity": "1 count", "time": "2024-03-01T02:00:00Z",
 *    "zone": "Asia/Shanghai", "region": "CN", "attributes": {"amount_cny": "8"}}
 * POST /accounts/{account}/activities/{id}/reversal?reason=...
 * GET  /accounts/{account}                       the statement: balances, entries, awards with their calculation
 * GET  /accounts/{account}/receipts?as_of=...    the ledger's receipts, one per update and per points lost by as_of
 *                                                (an instant, optional), as a chained receipts file that
 *                                                {@code carbon verify} replays
 * </pre>
 * Run {@code mvn -B -q -pl carbon-examples/accounts -am compile exec:exec} for a demonstration (a day of Ant Forest
 * activities, a restart, a payment reported late), or with {@code -Dexec.args="serve accounts.db 8080"} to serve.
 */
public final class AccountService implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The largest request body read: a batch of a few thousand activities. */
    private static final int MAX_BODY = 4 << 20;
    /** How much of a body over the limit is read and dropped before answering. */
    private static final long DRAIN = 8L * MAX_BODY;

    private final CarbonAccounts accounts;
    private final HttpServer server;

    private AccountService(CarbonAccounts accounts, HttpServer server) {
        this.accounts = accounts;
        this.server = server;
    }

    /**
     * Starts the service over a SQLite file, made if it does not exist.
     *
     * @param database  the file, not null
     * @param port  the port, 0 for any free one
     * @param ruleSet  the rule set the accounts earn under, not null
     * @return the running service, never null
     * @throws IOException if the port cannot be bound
     */
    public static AccountService start(Path database, int port, RuleSet ruleSet) throws IOException {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + database.toAbsolutePath());
        CarbonAccounts accounts = new CarbonAccounts(ruleSet, JdbcLedgerStore.open(source));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        AccountService service = new AccountService(accounts, server);
        server.createContext("/accounts/", service::handle);
        server.start();
        return service;
    }

    /**
     * Gets the port the service listens on.
     *
     * @return the port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops the service; the accounts stay in the file. */
    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] path = exchange.getRequestURI().getPath().substring("/accounts/".length()).split("/");
            String account = URLDecoder.decode(path[0], StandardCharsets.UTF_8);
            String method = exchange.getRequestMethod();
            try {
                if (method.equals("GET") && path.length == 1) {
                    reply(exchange, 200, statement(account));
                } else if (method.equals("GET") && path.length == 2 && path[1].equals("receipts")) {
                    String asOf = query(exchange.getRequestURI()).get("as_of");
                    reply(exchange, 200, receipts(account, asOf == null ? null : Instant.parse(asOf)));
                } else if (method.equals("POST") && path.length == 2 && path[1].equals("activities")) {
                    reply(exchange, 200, award(account, JSON.readTree(body(exchange))));
                } else if (method.equals("POST") && path.length == 4 && path[3].equals("reversal")) {
                    String id = URLDecoder.decode(path[2], StandardCharsets.UTF_8);
                    String reason = query(exchange.getRequestURI()).getOrDefault("reason", "no reason given");
                    StringBuilder out = new StringBuilder();
                    accounts.reverse(account, id, reason).forEach(entry -> out.append(line(entry)).append('\n'));
                    reply(exchange, 200, out.toString());
                } else {
                    reply(exchange, 404, "no such resource: " + method + " " + exchange.getRequestURI() + "\n");
                }
            } catch (LedgerStoreException e) {
                reply(exchange, 503, e.getMessage() + "\n");
            } catch (RuntimeException | IOException e) {
                reply(exchange, 400, e.getClass().getSimpleName() + ": " + e.getMessage() + "\n");
            }
        }
    }

    /** An account's ledger receipts as a chained file, finished with its end line and head digest. */
    private String receipts(String account, Instant asOf) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ReceiptWriter writer = new ReceiptWriter(bytes)) {
            writer.writeAll(Receipt.ofLedger(accounts, account, asOf));
            writer.finish();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A request's body, refused past {@value #MAX_BODY} bytes before it is parsed. */
    private static byte[] body(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            // the rest of a body somewhat too large is read and dropped, so that the client, still sending, gets the
            // answer rather than a reset connection; past that the connection is closed with the exchange
            byte[] drop = new byte[1 << 16];
            long dropped = 0;
            for (int read; dropped < DRAIN && (read = exchange.getRequestBody().read(drop)) >= 0; ) {
                dropped += read;
            }
            throw new IllegalArgumentException("the request's body is over " + MAX_BODY + " bytes; send the activities"
                    + " in smaller batches");
        }
        return body;
    }

    /** Awards a JSON object, or an array of them, in one transaction; one line per award. */
    private String award(String account, JsonNode body) {
        List<Activity> activities = new ArrayList<>();
        for (JsonNode node : body.isArray() ? body : List.of(body)) {
            Activity.Builder builder = Activity.builder(text(node, "id")).account(account).type(text(node, "type"))
                    .quantity(Quantity.parse(text(node, "quantity")))
                    .time(Instant.parse(text(node, "time")), ZoneId.of(text(node, "zone")))
                    .region(Region.of(text(node, "region")));
            for (Map.Entry<String, JsonNode> attribute : node.path("attributes").properties()) {
                builder.attribute(attribute.getKey(), attribute.getValue().asText());
            }
            activities.add(builder.build());
        }
        StringBuilder out = new StringBuilder();
        for (List<Award> awards : accounts.awardAll(activities)) {
            for (Award award : awards) {
                out.append(award.getActivityId()).append(' ').append(award.getRuleId()).append(": ").append(award.getOutcome())
                        .append(", ").append(award.getGrams().toPlainString()).append(" g, ")
                        .append(award.getPoints().toPlainString()).append(" points\n");
            }
        }
        return out.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("activity " + node + " needs \"" + field + "\" as text");
        }
        return value.asText();
    }

    /** The account's statement: its balances, every entry, and every award with its calculation. */
    String statement(String account) {
        RuleSet ruleSet = accounts.getRuleSet();
        StringBuilder out = new StringBuilder();
        out.append("account ").append(account).append(" under ").append(ruleSet.getId()).append(' ')
                .append(ruleSet.getVersion()).append(' ').append(ruleSet.getDigest()).append('\n');
        out.append("reduction ledger: ").append(accounts.balance(account, LedgerEntry.Ledger.REDUCTION).toPlainString())
                .append(" g CO2e\n");
        out.append("points ledger: ").append(accounts.balance(account, LedgerEntry.Ledger.POINTS).toPlainString())
                .append(" points\n");
        out.append("entries, in the order written:\n");
        for (LedgerEntry entry : accounts.history(account)) {
            out.append("  ").append(line(entry)).append('\n');
        }
        out.append("awards, each with its calculation:\n");
        CreditResult result = accounts.evaluate(account);
        for (Award award : result.getAwards()) {
            if (award.isEarning()) {
                out.append("  ").append(award.getActivityId()).append(" under ").append(award.getRuleId()).append('\n');
                award.getSteps().forEach(step -> out.append("    ").append(step).append('\n'));
            }
        }
        return out.toString();
    }

    private static String line(LedgerEntry entry) {
        return entry.getId() + " " + entry.getKind() + " " + entry.getAmount().toPlainString()
                + (entry.getLedger() == LedgerEntry.Ledger.REDUCTION ? " g" : " points")
                + (entry.getReason() == null ? "" : " (" + entry.getReason() + ")");
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new java.util.HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    //-----------------------------------------------------------------------
    /**
     * Serves ({@code serve FILE PORT}), or demonstrates (no arguments, or {@code demo FILE}): a day of Ant Forest
     * activities posted, the service restarted over the same file, a payment reported late, the statement printed.
     *
     * @param args  the command
     * @throws Exception if the demonstration fails
     */
    public static void main(String[] args) throws Exception {
        RuleSet ant = BundledRules.ruleSet("cn-alipay-ant-forest");
        if (args.length >= 1 && args[0].equals("serve")) {
            AccountService service = start(Path.of(args.length > 1 ? args[1] : "accounts.db"),
                    args.length > 2 ? Integer.parseInt(args[2]) : 8080, ant);
            System.out.println("serving " + (args.length > 1 ? args[1] : "accounts.db") + " on http://127.0.0.1:"
                    + service.port() + "/accounts/");
            return;
        }
        Path file = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("carbonkit").resolve("accounts.db");
        System.out.print(demo(file, ant));
    }

    /** The demonstration, returned as the text it prints. */
    static String demo(Path file, RuleSet ruleSet) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        StringBuilder out = new StringBuilder("accounts kept in " + file + "\n");
        StringBuilder day = new StringBuilder("[");
        for (int i = 0; i < 11; i++) {
            day.append(i == 0 ? "" : ",").append(payment("pay-" + (10 + i), String.format(java.util.Locale.ROOT,
                    "2024-03-01T%02d:00:00Z", i + 1)));
        }
        day.append(",{\"id\":\"metro-1\",\"type\":\"transport.rail.underground\",\"quantity\":\"1 count\",\"time\":"
                + "\"2024-03-01T12:30:00Z\",\"zone\":\"Asia/Shanghai\",\"region\":\"CN\",\"attributes\":"
                + "{\"payment\":\"alipay\"}}]");
        try (AccountService service = start(file, 0, ruleSet)) {
            out.append("\n$ POST /accounts/bai/activities (11 payments and a metro ride on 1 March)\n");
            out.append(send(client, service, "POST", "/accounts/bai/activities", day.toString()));
        }
        out.append("\n(the service is stopped and started again over the same file)\n");
        try (AccountService service = start(file, 0, ruleSet)) {
            out.append("\n$ POST /accounts/bai/activities (a payment at 00:30 reported late)\n");
            out.append(send(client, service, "POST", "/accounts/bai/activities", payment("pay-09", "2024-02-29T16:30:00Z")));
            out.append("\n$ GET /accounts/bai\n");
            out.append(send(client, service, "GET", "/accounts/bai", null));
        }
        return out.toString();
    }

    private static String payment(String id, String time) {
        return "{\"id\":\"" + id + "\",\"type\":\"payment.offline\",\"quantity\":\"1 count\",\"time\":\"" + time
                + "\",\"zone\":\"Asia/Shanghai\",\"region\":\"CN\",\"attributes\":{\"amount_cny\":\"12.50\"}}";
    }

    private static String send(HttpClient client, AccountService service, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body() : "HTTP " + response.statusCode() + ": " + response.body();
    }
}
