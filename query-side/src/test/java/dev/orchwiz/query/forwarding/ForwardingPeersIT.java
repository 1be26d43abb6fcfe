package dev.orchwiz.query.forwarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchwiz.NodeClient;
import dev.orchwiz.TestNodes;
import dev.orchwiz.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Two real nodes, two databases, in one JVM: node A forwards to node B through a registered peer. Sessions made on A
 * appear in B's forwarded views; B stops mid-stream and comes back on the same address, and every event arrives
 * exactly once; batches B refuses become A's dead letters, which an operator retries; a reset replays history without
 * duplicating anything on B.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ForwardingPeersIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static TestDatabase.Database databaseB;
    private static int portB;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static NodeClient adminA;
    private static NodeClient userA;
    private static NodeClient adminB;
    private static String idA;
    private static String peerId;
    private static String sourceId;
    private static int sessionsMade;

    @BeforeAll
    static void start() throws IOException {
        nodeA = TestNodes.start(
                TestDatabase.create(),
                "--orchwiz.node.name=node-a",
                "--orchwiz.forwarding.outbound.batch-events=40",
                "--orchwiz.forwarding.outbound.backoff-initial=PT0.1S",
                "--orchwiz.forwarding.outbound.backoff-max=PT0.5S",
                "--orchwiz.forwarding.outbound.reconcile-interval=PT0.2S");
        databaseB = TestDatabase.create();
        portB = freePort();
        startB();
        adminA = TestNodes.client(nodeA, "admin@a.example.com", true);
        userA = TestNodes.client(nodeA, "user@a.example.com", false);
        JsonNode selfA = adminA.get("/api/nodes/self").json();
        idA = selfA.get("id").asString();
        NodeClient.Reply trusted = adminB.post(
                "/api/forwarding/sources",
                NodeClient.json(Map.of(
                        "nodeId", idA, "publicKey", selfA.get("publicKey").asString())));
        assertThat(trusted.status()).as(trusted.raw()).isEqualTo(201);
        sourceId = trusted.json().get("id").asString();
    }

    @AfterAll
    static void stop() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    /** Node B always on the same port, so that the peer A registered keeps its address across B's restarts. */
    private static void startB() {
        nodeB = new SpringApplicationBuilder(dev.orchwiz.OrchwizApplication.class)
                .run(
                        "--server.port=" + portB,
                        "--spring.datasource.url=" + databaseB.jdbcUrl(),
                        "--spring.datasource.username=" + databaseB.username(),
                        "--spring.datasource.password=" + databaseB.password(),
                        "--orchwiz.node.name=node-b");
        adminB = TestNodes.client(nodeB, "admin@b.example.com", true);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void makeSessions(int count) {
        for (int i = 0; i < count; i++) {
            NodeClient.Reply made =
                    userA.post("/api/sessions", NodeClient.json(Map.of("title", "forwarded " + (sessionsMade + i))));
            assertThat(made.status()).as(made.raw()).isEqualTo(201);
        }
        sessionsMade += count;
    }

    private static long forwardedSessionsOnB() {
        return adminB.get("/api/forwarding/sessions?sourceNodeId=" + idA + "&size=1")
                .json()
                .get("totalItems")
                .asLong();
    }

    private static JsonNode peer() {
        NodeClient.Reply reply = adminA.get("/api/forwarding/peers/" + peerId);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.json();
    }

    /** Every event of A arrived on B once, and each remote session counts exactly the events A stored for it. */
    private static void assertExactlyOnce() {
        JdbcTemplate a = nodeA.getBean(JdbcTemplate.class);
        JdbcTemplate b = nodeB.getBean(JdbcTemplate.class);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(peer().get("lag").asLong()).isZero();
            List<String> sent = a.queryForList(
                    "select event_identifier from domain_event_entry order by event_identifier", String.class);
            List<String> received = b.queryForList(
                    "select event_id from forwarding_inbox where origin = ? order by event_id", String.class, idA);
            assertThat(received).containsExactlyElementsOf(sent);
        });
        List<Map<String, Object>> counts = new ArrayList<>(a.queryForList("""
                select aggregate_identifier as session, count(*) as events from domain_event_entry
                where type = 'Session' group by aggregate_identifier order by aggregate_identifier"""));
        List<Map<String, Object>> folded = b.queryForList("""
                select session_id as session, event_count as events from forwarded_session where origin = ?
                order by session_id""", idA);
        assertThat(folded).hasSize(sessionsMade).containsExactlyElementsOf(counts);
    }

    @Test
    @Order(1)
    void sessionsMadeOnAAppearOnBOnceAcrossARestartOfB() {
        // given sessions on A before B is its peer, and B's key as B publishes it
        makeSessions(5);
        JsonNode selfB = adminB.get("/api/nodes/self").json();

        // when A registers B
        NodeClient.Reply registered = adminA.post(
                "/api/forwarding/peers",
                NodeClient.json(Map.of(
                        "url", "http://127.0.0.1:" + portB,
                        "nodeId", selfB.get("id").asString(),
                        "publicKey", selfB.get("publicKey").asString())));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        peerId = registered.json().get("id").asString();

        // then B shows them
        await().atMost(PATIENCE).until(() -> forwardedSessionsOnB() == 5);

        // when B stops while A keeps working, and comes back
        nodeB.close();
        makeSessions(60);
        await().atMost(PATIENCE).until(() -> !peer().path("lastError").isNull());
        assertThat(peer().get("lag").asLong()).isPositive();
        startB();

        // then everything arrives, once
        await().atMost(PATIENCE).until(() -> forwardedSessionsOnB() == sessionsMade);
        assertExactlyOnce();
        // and in A's order, though A reads, makes and signs the next batch while one is in flight and B was away
        List<Long> arrived = nodeB.getBean(JdbcTemplate.class)
                .queryForList("select seq from forwarding_inbox where origin = ? order by receipt", Long.class, idA);
        assertThat(arrived)
                .hasSize(nodeA.getBean(JdbcTemplate.class)
                        .queryForObject("select count(*) from domain_event_entry", Integer.class))
                .isSorted();
        JsonNode peer = peer();
        assertThat(peer.get("lastSuccessAt").isNull()).isFalse();
        assertThat(peer.get("sentEvents").asLong()).isGreaterThanOrEqualTo(sessionsMade);
        assertThat(peer.get("deadLetters").asLong()).isZero();
    }

    @Test
    @Order(2)
    void batchesBRefusesBecomeDeadLettersThatAnOperatorRetries() {
        // given B no longer trusts A
        NodeClient.Reply disabled = adminB.post("/api/forwarding/sources/" + sourceId + "/disable", "{}");
        assertThat(disabled.status()).as(disabled.raw()).isEqualTo(200);

        // when A sends more
        makeSessions(3);

        // then B's 403 puts the batches in A's dead letters, and the outbox moves on
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode peer = peer();
            assertThat(peer.get("deadLetters").asLong()).isPositive();
            assertThat(peer.get("lag").asLong()).isZero();
            assertThat(peer.get("lastStatus").asInt()).isEqualTo(403);
        });
        JsonNode letters =
                adminA.get("/api/forwarding/peers/" + peerId + "/dead-letters").json();
        JsonNode letter = letters.get("items").get(0);
        assertThat(letter.get("status").asInt()).isEqualTo(403);
        assertThat(letter.get("error").asString()).contains("FORWARDING_UNKNOWN_ORIGIN");

        // when a retry is made while B still refuses, it stays, and the operator hears why
        String retry = "/api/forwarding/peers/" + peerId + "/dead-letters/"
                + letter.get("id").asLong() + "/retry";
        NodeClient.Reply refused = adminA.post(retry, "{}");
        assertThat(refused.status()).as(refused.raw()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("FORWARDING_PEER_UNREACHABLE");

        // when B trusts A again and the operator retries every dead letter
        adminB.delete("/api/forwarding/sources/" + sourceId);
        JsonNode selfA = adminA.get("/api/nodes/self").json();
        NodeClient.Reply trusted = adminB.post(
                "/api/forwarding/sources",
                NodeClient.json(Map.of(
                        "nodeId", idA, "publicKey", selfA.get("publicKey").asString())));
        assertThat(trusted.status()).as(trusted.raw()).isEqualTo(201);
        sourceId = trusted.json().get("id").asString();
        for (JsonNode each : adminA.get("/api/forwarding/peers/" + peerId + "/dead-letters?size=100")
                .json()
                .get("items")) {
            NodeClient.Reply retried = adminA.post(
                    "/api/forwarding/peers/" + peerId + "/dead-letters/"
                            + each.get("id").asLong() + "/retry",
                    "{}");
            assertThat(retried.status()).as(retried.raw()).isEqualTo(204);
        }

        // then nothing is left over and B has everything, once
        assertThat(peer().get("deadLetters").asLong()).isZero();
        assertExactlyOnce();
    }

    @Test
    @Order(3)
    void aResetReplaysHistoryWithoutDuplicatingAnything() {
        // given
        long sentBefore = peer().get("sentEvents").asLong();

        // when
        NodeClient.Reply reset =
                adminA.post("/api/forwarding/peers/" + peerId + "/reset", NodeClient.json(Map.of("position", 0)));
        assertThat(reset.status()).as(reset.raw()).isEqualTo(200);

        // then A sends its whole history again, and B's views do not change
        await().atMost(PATIENCE).until(() -> peer().get("sentEvents").asLong() >= 2 * sentBefore);
        assertExactlyOnce();
    }

    @Test
    @Order(4)
    void aPausedPeerGetsNothingUntilResumed() {
        // given
        NodeClient.Reply paused = adminA.post("/api/forwarding/peers/" + peerId + "/pause", "{}");
        assertThat(paused.status()).as(paused.raw()).isEqualTo(200);
        assertThat(peer().get("paused").asBoolean()).isTrue();
        // A pause reaches the outbox at its next look at the peers (every 0.2 s here); a batch already on its way
        // still goes. Only what is written after that is held back.
        await().pollDelay(Duration.ofSeconds(1)).until(() -> true);

        // when
        makeSessions(2);

        // then nothing moves while paused
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> forwardedSessionsOnB() == sessionsMade - 2);
        assertThat(peer().get("lag").asLong()).isPositive();

        // when resumed, it catches up
        assertThat(adminA.post("/api/forwarding/peers/" + peerId + "/resume", "{}")
                        .status())
                .isEqualTo(200);
        assertExactlyOnce();
    }

    @Test
    @Order(5)
    void badRegistrationsAreRefusedWithTheirCodes() {
        String key = adminB.get("/api/nodes/self").json().get("publicKey").asString();
        assertRefused(
                adminA.post(
                        "/api/forwarding/peers",
                        NodeClient.json(Map.of("url", "ftp://peer.example.org", "nodeId", "n1", "publicKey", key))),
                400,
                "FORWARDING_INVALID_PEER_URL");
        assertRefused(
                adminA.post(
                        "/api/forwarding/peers",
                        NodeClient.json(
                                Map.of("url", "http://user:pw@10.0.0.5:8080", "nodeId", "n1", "publicKey", key))),
                400,
                "FORWARDING_INVALID_PEER_URL");
        assertRefused(
                adminA.post(
                        "/api/forwarding/peers",
                        NodeClient.json(Map.of("url", "http://10.0.0.5:8080", "nodeId", "n1", "publicKey", "AAAA"))),
                400,
                "FORWARDING_INVALID_PUBLIC_KEY");
        assertRefused(
                adminA.post(
                        "/api/forwarding/peers",
                        NodeClient.json(Map.of(
                                "url", "http://10.0.0.5:8080", "nodeId", "n1", "publicKey", key, "redaction", "most"))),
                400,
                "FORWARDING_INVALID_INPUT");
        assertRefused(
                adminA.post(
                        "/api/forwarding/peers",
                        NodeClient.json(
                                Map.of("url", "http://127.0.0.1:" + portB + "/", "nodeId", "n1", "publicKey", key))),
                409,
                "FORWARDING_PEER_TAKEN");
        assertRefused(
                userA.post(
                        "/api/forwarding/peers",
                        NodeClient.json(Map.of("url", "http://10.0.0.5:8080", "nodeId", "n1", "publicKey", key))),
                403,
                "FORWARDING_NOT_ADMIN");
        assertRefused(userA.get("/api/forwarding/peers"), 403, "FORWARDING_NOT_ADMIN");
        String unknown = "/api/forwarding/peers/3f1c1a52-8d3e-4c55-9f57-1b0f6a3c2e11";
        assertRefused(adminA.post(unknown + "/pause", "{}"), 404, "FORWARDING_PEER_NOT_FOUND");
        assertRefused(adminA.get(unknown), 404, "FORWARDING_PEER_NOT_FOUND");
        assertRefused(adminA.get(unknown + "/dead-letters"), 404, "FORWARDING_PEER_NOT_FOUND");
        assertRefused(
                adminA.post("/api/forwarding/peers/" + peerId + "/dead-letters/999999/retry", "{}"),
                404,
                "FORWARDING_DEAD_LETTER_NOT_FOUND");
        assertRefused(
                adminA.post("/api/forwarding/peers/" + peerId + "/reset", NodeClient.json(Map.of("position", -1))),
                400,
                "FORWARDING_INVALID_INPUT");

        // and a private address is a valid peer (admins only), and removal takes it away
        NodeClient.Reply privatePeer = adminA.post(
                "/api/forwarding/peers",
                NodeClient.json(Map.of(
                        "url", "http://10.255.255.1:8080",
                        "nodeId", "private-node",
                        "publicKey", key,
                        "eventTypes", List.of("Session*"),
                        "redaction", "metadata")));
        assertThat(privatePeer.status()).as(privatePeer.raw()).isEqualTo(201);
        String id = privatePeer.json().get("id").asString();
        assertThat(adminA.delete("/api/forwarding/peers/" + id).status()).isEqualTo(204);
        assertRefused(adminA.get("/api/forwarding/peers/" + id), 404, "FORWARDING_PEER_NOT_FOUND");
    }

    private static void assertRefused(NodeClient.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.code()).isEqualTo(code);
    }
}
