package dev.orchwiz.query.forwarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchwiz.NodeClient;
import dev.orchwiz.TestNodes;
import dev.orchwiz.api.forwarding.ForwardingSignatures;
import dev.orchwiz.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The origin's side of the signed pull, on a real node A: a registered peer's signed {@code GET
 * /api/forwarding/events} is answered with a batch A signs, cut to that peer's redaction; strangers, tampered
 * requests, bad parameters and ranges A does not hold are refused with their codes. Then end to end: a second node B
 * that misses a range of A's events pulls it from A itself and ends up with exactly A's events.
 */
class ForwardingPullIT {

    private static final String PATH = "/api/forwarding/events";

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static NodeClient adminA;
    private static NodeClient userA;
    private static NodeClient adminB;
    private static NodeClient anonymousA;
    private static NodeClient anonymousB;
    private static String idA;
    private static PublicKey keyA;
    private static final KeyPair FULL_PEER = ForwardingSignatures.generate();
    private static final KeyPair BLIND_PEER = ForwardingSignatures.generate();

    @BeforeAll
    static void start() {
        nodeA = TestNodes.start(TestDatabase.create(), "--orchwiz.node.name=node-a");
        nodeB = TestNodes.start(
                TestDatabase.create(),
                "--orchwiz.node.name=node-b",
                "--orchwiz.forwarding.gap-pull-after=PT1S",
                "--orchwiz.forwarding.gap-pull-interval=PT1S");
        adminA = TestNodes.client(nodeA, "admin@a.example.com", true);
        userA = TestNodes.client(nodeA, "user@a.example.com", false);
        adminB = TestNodes.client(nodeB, "admin@b.example.com", true);
        anonymousA = new NodeClient(port(nodeA));
        anonymousB = new NodeClient(port(nodeB));
        JsonNode selfA = adminA.get("/api/nodes/self").json();
        idA = selfA.get("id").asString();
        keyA = ForwardingSignatures.publicKey(selfA.get("publicKey").asString()).orElseThrow();
        // Peers whose pushes go nowhere (a closed port): whatever they get, they get by pulling.
        registerPeer("peer-full", FULL_PEER.getPublic(), "full");
        registerPeer("peer-blind", BLIND_PEER.getPublic(), "none");
        for (int i = 0; i < 4; i++) {
            NodeClient.Reply made = userA.post("/api/sessions", NodeClient.json(Map.of("title", "pulled " + i)));
            assertThat(made.status()).as(made.raw()).isEqualTo(201);
        }
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

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static void registerPeer(String nodeId, PublicKey key, String redaction) {
        SignedBatches.registerSilentPeer(adminA, nodeId, key, redaction);
    }

    private static List<Long> storedPositions() {
        return nodeA.getBean(JdbcTemplate.class)
                .queryForList("select global_index from domain_event_entry order by global_index", Long.class);
    }

    private static Map<String, String> signedPull(String requester, KeyPair key, String query) {
        return SignedBatches.signedPull(requester, key, PATH, query);
    }

    private static NodeClient.Reply pull(String query, Map<String, String> headers) {
        return anonymousA.send("GET", PATH + "?" + query, null, headers);
    }

    private static String range(long from, long to) {
        return "origin=" + idA + "&fromSeq=" + from + "&toSeq=" + to;
    }

    private static void assertSignedByA(NodeClient.Reply reply) {
        assertThat(ForwardingSignatures.verifies(
                        reply.header("webhook-signature"),
                        reply.header("webhook-id"),
                        reply.header("webhook-timestamp"),
                        reply.raw().getBytes(StandardCharsets.UTF_8),
                        List.of(keyA)))
                .isTrue();
        assertThat(reply.header("orchwiz-origin")).isEqualTo(idA);
    }

    @Test
    void aPeerPullsARangeSignedByTheOriginInItsOwnRedaction() {
        // given A's stored events
        List<Long> positions = storedPositions();
        long from = positions.get(0);
        long to = positions.get(positions.size() - 1);

        // when the full peer pulls them all
        String query = range(from, to);
        NodeClient.Reply full = pull(query, signedPull("peer-full", FULL_PEER, query));

        // then the answer is A's signed batch with every event in that range, payloads included
        assertThat(full.status()).as(full.raw()).isEqualTo(200);
        assertSignedByA(full);
        JsonNode data = full.json().get("data");
        assertThat(data.get("origin").asString()).isEqualTo(idA);
        assertThat(data.get("fromSeq").asLong()).isEqualTo(from);
        assertThat(data.get("toSeq").asLong()).isEqualTo(to);
        assertThat(data.get("events").valueStream().map(event -> event.get("seq")
                        .asLong()))
                .containsExactlyElementsOf(positions);
        assertThat(full.raw()).contains("pulled 3");

        // and the peer whose redaction is "none" gets the envelopes only
        NodeClient.Reply blind = pull(query, signedPull("peer-blind", BLIND_PEER, query));
        assertThat(blind.status()).as(blind.raw()).isEqualTo(200);
        assertSignedByA(blind);
        assertThat(blind.json().get("data").get("events")).hasSize(positions.size());
        assertThat(blind.raw()).doesNotContain("pulled 3");

        // and a range that reaches past A's newest event is answered up to it
        String beyond = range(to, to + 50);
        NodeClient.Reply cut = pull(beyond, signedPull("peer-full", FULL_PEER, beyond));
        assertThat(cut.status()).as(cut.raw()).isEqualTo(200);
        assertThat(cut.json().get("data").get("toSeq").asLong()).isEqualTo(to);
    }

    @Test
    void refusesAStrangerATamperedPullBadParametersAndARangeTheOriginDoesNotHold() {
        List<Long> positions = storedPositions();
        long head = positions.get(positions.size() - 1);
        String query = range(0, 10);

        // a node A forwards nothing to, even with a valid signature of its own
        KeyPair stranger = ForwardingSignatures.generate();
        NodeClient.Reply unknown = pull(query, signedPull("peer-unknown", stranger, query));
        assertThat(unknown.status()).as(unknown.raw()).isEqualTo(403);
        assertThat(unknown.code()).isEqualTo("FORWARDING_UNKNOWN_PEER");

        // a signature over another range, and a registered peer's name with someone else's key
        NodeClient.Reply tampered = pull(range(0, 999), signedPull("peer-full", FULL_PEER, query));
        assertThat(tampered.status()).as(tampered.raw()).isEqualTo(401);
        assertThat(tampered.code()).isEqualTo("FORWARDING_BAD_SIGNATURE");
        NodeClient.Reply impostor = pull(query, signedPull("peer-full", stranger, query));
        assertThat(impostor.status()).as(impostor.raw()).isEqualTo(401);

        // headers missing
        NodeClient.Reply unsigned = pull(query, Map.of());
        assertThat(unsigned.status()).as(unsigned.raw()).isEqualTo(400);
        assertThat(unsigned.code()).isEqualTo("FORWARDING_MISSING_HEADER");

        // signed, but asking the wrong thing
        for (String bad : List.of(
                "origin=someone-else&fromSeq=0&toSeq=1",
                "origin=" + idA + "&toSeq=1",
                "origin=" + idA + "&fromSeq=x",
                "origin=" + idA + "&fromSeq=-1",
                range(5, 4),
                range(0, 1000),
                range(0, 1) + "&fromSeq=2")) {
            NodeClient.Reply invalid = pull(bad, signedPull("peer-full", FULL_PEER, bad));
            assertThat(invalid.status()).as(bad + ": " + invalid.raw()).isEqualTo(400);
            assertThat(invalid.code()).isEqualTo("FORWARDING_INVALID_PULL");
        }

        // a range beyond A's newest event
        String ahead = range(head + 1, head + 10);
        NodeClient.Reply notThere = pull(ahead, signedPull("peer-full", FULL_PEER, ahead));
        assertThat(notThere.status()).as(notThere.raw()).isEqualTo(416);
        assertThat(notThere.code()).isEqualTo("FORWARDING_RANGE_NOT_AVAILABLE");
        assertThat(notThere.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aNodeThatMissesARangeOfTheOriginsEventsPullsItFromTheOrigin() {
        // given B trusts A with A's pull address, and A lets B pull (its pushes go nowhere)
        JsonNode selfB = adminB.get("/api/nodes/self").json();
        registerPeer(
                selfB.get("id").asString(),
                ForwardingSignatures.publicKey(selfB.get("publicKey").asString())
                        .orElseThrow(),
                "full");
        NodeClient.Reply trusted = adminB.post(
                "/api/forwarding/sources",
                NodeClient.json(Map.of(
                        "nodeId",
                        idA,
                        "publicKey",
                        ForwardingSignatures.publicKeyText(keyA),
                        "pullUrl",
                        "http://127.0.0.1:" + port(nodeA) + PATH)));
        assertThat(trusted.status()).as(trusted.raw()).isEqualTo(201);

        // when B gets A's first and last events only (A's own signed batches, relayed), leaving a gap between
        List<Long> positions = storedPositions();
        long first = positions.get(0);
        long last = positions.get(positions.size() - 1);
        for (long seq : List.of(first, last)) {
            String query = range(seq, seq);
            NodeClient.Reply batch = pull(query, signedPull("peer-full", FULL_PEER, query));
            assertThat(batch.status()).as(batch.raw()).isEqualTo(200);
            Map<String, String> headers = new HashMap<>();
            for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature", "orchwiz-origin")) {
                headers.put(name, batch.header(name));
            }
            NodeClient.Reply taken = anonymousB.post(PATH, batch.raw(), headers);
            assertThat(taken.status()).as(taken.raw()).isEqualTo(200);
        }
        assertThat(source().get("gaps")).hasSize(1);

        // then B pulls the gap from A and holds exactly A's events
        JdbcTemplate b = nodeB.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> source().get("gaps").isEmpty());
        List<String> sent = nodeA.getBean(JdbcTemplate.class)
                .queryForList(
                        "select event_identifier from domain_event_entry where global_index <= ?"
                                + " order by event_identifier",
                        String.class,
                        last);
        List<String> received = b.queryForList(
                "select event_id from forwarding_inbox where origin = ? order by event_id", String.class, idA);
        assertThat(received).containsExactlyElementsOf(sent);
        assertThat(source().get("highWaterMark").asLong()).isEqualTo(last);
    }

    private static JsonNode source() {
        return adminB.get("/api/forwarding/sources?size=100")
                .json()
                .get("items")
                .valueStream()
                .filter(item -> item.get("nodeId").asString().equals(idA))
                .findFirst()
                .orElseThrow();
    }
}
