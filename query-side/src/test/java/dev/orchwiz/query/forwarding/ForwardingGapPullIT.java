package dev.orchwiz.query.forwarding;

import static dev.orchwiz.query.forwarding.SignedBatches.batch;
import static dev.orchwiz.query.forwarding.SignedBatches.event;
import static dev.orchwiz.query.forwarding.SignedBatches.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.orchwiz.NodeClient;
import dev.orchwiz.TestNodes;
import dev.orchwiz.api.forwarding.ForwardingSignatures;
import dev.orchwiz.testing.TestDatabase;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A gap that persists is filled by a signed pull: the node asks the origin (here an in-process origin that checks
 * the node's signature and answers with a batch it signs) for the missing range and applies the answer exactly once.
 */
class ForwardingGapPullIT {

    private static final String ORIGIN = "node-pulled";
    private static final String HUGE = "node-answering-too-much";
    private static final int MAX_BYTES = 64 * 1024;

    private static ConfigurableApplicationContext node;
    private static NodeClient admin;
    private static NodeClient anonymous;
    private static HttpServer origin;
    private static final KeyPair ORIGIN_KEY = ForwardingSignatures.generate();
    private static final List<String> asked = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        node = TestNodes.start(
                TestDatabase.create(),
                "--orchwiz.forwarding.gap-pull-after=PT1S",
                "--orchwiz.forwarding.gap-pull-interval=PT1S",
                // Small enough that the oversized origin's answer is over it, large enough for every other request.
                "--orchwiz.web.max-request-bytes=" + MAX_BYTES);
        admin = TestNodes.client(node, "admin@example.com", true);
        anonymous = new NodeClient(
                ((WebServerApplicationContext) node).getWebServer().getPort());
        origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        origin.createContext("/api/forwarding/events", exchange -> serve(exchange, ORIGIN, 0));
        origin.createContext("/huge/api/forwarding/events", exchange -> serve(exchange, HUGE, MAX_BYTES));
        origin.start();
    }

    @AfterAll
    static void stop() {
        origin.stop(0);
        node.close();
    }

    /**
     * The origin's side: answers only a pull signed by the node's pinned key, with the range asked for, signed; each
     * event's title padded by {@code padding} characters.
     */
    private static void serve(HttpExchange exchange, String originId, int padding) throws IOException {
        JsonNode self = admin.get("/api/nodes/self").json();
        PublicKey nodeKey =
                ForwardingSignatures.publicKey(self.get("publicKey").asString()).orElseThrow();
        String query = exchange.getRequestURI().getRawQuery();
        byte[] signedContent =
                ("GET " + exchange.getRequestURI().getRawPath() + "?" + query).getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getRequestHeaders();
        boolean fromTheNode = self.get("id").asString().equals(headers.getFirst("orchwiz-origin"))
                && ForwardingSignatures.verifies(
                        headers.getFirst("webhook-signature"),
                        headers.getFirst("webhook-id"),
                        headers.getFirst("webhook-timestamp"),
                        signedContent,
                        List.of(nodeKey));
        asked.add(query + (fromTheNode ? "" : " (unsigned)"));
        if (!fromTheNode) {
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return;
        }
        Map<String, String> parameters = new java.util.HashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            parameters.put(kv[0], kv[1]);
        }
        long from = Long.parseLong(parameters.get("fromSeq"));
        long to = Long.parseLong(parameters.get("toSeq"));
        String body = batch(
                originId,
                LongStream.rangeClosed(from, to)
                        .mapToObj(seq -> event(
                                "p" + seq,
                                seq,
                                "SessionRenamed",
                                "pulled",
                                Map.of("title", "t" + seq + "x".repeat(padding))))
                        .toList());
        Map<String, String> answer =
                signed(originId, ORIGIN_KEY, body, Instant.now().getEpochSecond());
        answer.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** Trusts an origin of the in-process server, with its pull address at {@code path}; answers that address. */
    private static String trustWithPullAddress(String originId, String path) {
        String pullUrl = "http://127.0.0.1:" + origin.getAddress().getPort() + path;
        NodeClient.Reply registered = admin.post(
                "/api/forwarding/sources",
                NodeClient.json(Map.of(
                        "nodeId",
                        originId,
                        "publicKey",
                        ForwardingSignatures.publicKeyText(ORIGIN_KEY.getPublic()),
                        "pullUrl",
                        pullUrl)));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        return pullUrl;
    }

    /** What the node asked of one origin (the tests share the in-process origin). */
    private static List<String> askedOf(String originId) {
        return asked.stream()
                .filter(query -> query.startsWith("origin=" + originId + "&"))
                .toList();
    }

    private static JsonNode source() {
        return source(ORIGIN);
    }

    private static JsonNode source(String originId) {
        return admin.get("/api/forwarding/sources?size=100")
                .json()
                .get("items")
                .valueStream()
                .filter(item -> item.get("nodeId").asString().equals(originId))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aGapThatPersistsIsPulledFromTheOriginSignedBothWaysAndAppliedOnce() throws Exception {
        // given a source with a pull address, and a gap: 1 and 2 arrived, then 5
        String pullUrl = trustWithPullAddress(ORIGIN, "/api/forwarding/events");
        String start = batch(
                ORIGIN,
                List.of(
                        event("p1", 1, "SessionStarted", "pulled", Map.of("title", "t1")),
                        event("p2", 2, "SessionRenamed", "pulled", Map.of("title", "t2"))));
        String later = batch(ORIGIN, List.of(event("p5", 5, "SessionRenamed", "pulled", Map.of("title", "t5"))));
        anonymous.post("/api/forwarding/events", start, signed(ORIGIN, ORIGIN_KEY, start, now()));
        NodeClient.Reply withGap =
                anonymous.post("/api/forwarding/events", later, signed(ORIGIN, ORIGIN_KEY, later, now()));
        assertThat(withGap.json().get("gaps")).hasSize(1);
        assertThat(source().get("pullUrl").asString()).isEqualTo(pullUrl);

        // when the gap outlives the configured second, then the node pulls it and it closes
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> source().get("gaps").isEmpty());
        JsonNode filled = source();
        assertThat(filled.get("gaps")).as("asked: %s", asked).isEmpty();
        assertThat(filled.get("highWaterMark").asLong()).isEqualTo(5);
        assertThat(askedOf(ORIGIN).get(0)).isEqualTo("origin=" + ORIGIN + "&fromSeq=3&toSeq=4");
        JsonNode row =
                admin.get("/api/forwarding/sessions/" + ORIGIN + "/pulled").json();
        assertThat(row.get("eventCount").asLong()).isEqualTo(5);
        assertThat(row.get("title").asString()).isEqualTo("t5");

        // and nothing more is asked once it is closed
        int asks = askedOf(ORIGIN).size();
        await().during(Duration.ofMillis(2500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> askedOf(ORIGIN).size() == asks);
    }

    @Test
    void anAnswerLargerThanTheNodeAcceptsInOneRequestIsNotReadNorApplied() {
        // given a trusted origin whose pull answers are, signed and valid, larger than the node takes in a request
        trustWithPullAddress(HUGE, "/huge/api/forwarding/events");
        String start = batch(HUGE, List.of(event("h1", 1, "SessionStarted", "big", Map.of("title", "t1"))));
        String later = batch(HUGE, List.of(event("h3", 3, "SessionRenamed", "big", Map.of("title", "t3"))));
        anonymous.post("/api/forwarding/events", start, signed(HUGE, ORIGIN_KEY, start, now()));
        assertThat(anonymous
                        .post("/api/forwarding/events", later, signed(HUGE, ORIGIN_KEY, later, now()))
                        .json()
                        .get("gaps"))
                .hasSize(1);

        // when the node has pulled the gap twice, then the answer was dropped each time: the gap stays open
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> askedOf(HUGE).size() >= 2);
        assertThat(source(HUGE).get("gaps")).hasSize(1);
        assertThat(source(HUGE).get("highWaterMark").asLong()).isEqualTo(1);
        assertThat(admin.get("/api/forwarding/sessions/" + HUGE + "/big")
                        .json()
                        .get("eventCount")
                        .asLong())
                .isEqualTo(2);
    }

    @Test
    void refusesAPullAddressThatIsNoHttpUrlOrBelongsToAnApiKeySource() {
        String key = ForwardingSignatures.publicKeyText(
                ForwardingSignatures.generate().getPublic());
        assertThat(admin.post(
                                "/api/forwarding/sources",
                                NodeClient.json(Map.of(
                                        "nodeId", "pull-bad", "publicKey", key, "pullUrl", "file:///etc/passwd")))
                        .code())
                .isEqualTo("FORWARDING_INVALID_INPUT");
        assertThat(admin.post(
                                "/api/forwarding/sources",
                                NodeClient.json(Map.of(
                                        "nodeId",
                                        "pull-legacy",
                                        "apiKey",
                                        "owz_0123456789abcdef0123456789",
                                        "pullUrl",
                                        "http://127.0.0.1:1/api/forwarding/events")))
                        .code())
                .isEqualTo("FORWARDING_INVALID_INPUT");
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
