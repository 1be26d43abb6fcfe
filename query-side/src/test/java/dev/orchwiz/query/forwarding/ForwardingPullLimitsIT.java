package dev.orchwiz.query.forwarding;

import static dev.orchwiz.query.forwarding.SignedBatches.assertTooMany;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchwiz.NodeClient;
import dev.orchwiz.TestNodes;
import dev.orchwiz.api.forwarding.ForwardingSignatures;
import dev.orchwiz.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The signed pull's limits on a node with small ones: a verified peer past its pulls per minute, and an address that
 * keeps sending refused pulls, are answered 429 with {@code Retry-After}; an answer is cut to the outbox's batch
 * events and bytes, saying where it stopped, so that walking on from there yields every event once; and every refused
 * pull is counted, per requester under the endpoint {@code pull}. All requests come from the same loopback address,
 * so the address test runs after the ones that must not be refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ForwardingPullLimitsIT {

    private static final String PATH = "/api/forwarding/events";
    private static final int PULLS_PER_MINUTE = 20;
    private static final int BATCH_BYTES = 1024;
    private static final int BATCH_EVENTS = 2;

    private static ConfigurableApplicationContext node;
    private static NodeClient admin;
    private static NodeClient anonymous;
    private static String id;
    private static final KeyPair BUSY_PEER = ForwardingSignatures.generate();
    private static final KeyPair CALM_PEER = ForwardingSignatures.generate();
    private static final KeyPair FULL_PEER = ForwardingSignatures.generate();
    private static final KeyPair BLIND_PEER = ForwardingSignatures.generate();

    @BeforeAll
    static void start() {
        node = TestNodes.start(
                TestDatabase.create(),
                "--orchwiz.node.name=node-limits",
                "--orchwiz.forwarding.rate-limit.pulls-per-peer-per-minute=" + PULLS_PER_MINUTE,
                "--orchwiz.forwarding.rate-limit.failures-per-address-per-minute=3",
                "--orchwiz.forwarding.outbound.batch-bytes=" + BATCH_BYTES,
                "--orchwiz.forwarding.outbound.batch-events=" + BATCH_EVENTS);
        admin = TestNodes.client(node, "admin@limits.example.com", true);
        NodeClient user = TestNodes.client(node, "user@limits.example.com", false);
        anonymous = new NodeClient(
                ((WebServerApplicationContext) node).getWebServer().getPort());
        id = admin.get("/api/nodes/self").json().get("id").asString();
        registerPeer("peer-busy", BUSY_PEER.getPublic(), "full");
        registerPeer("peer-calm", CALM_PEER.getPublic(), "full");
        registerPeer("peer-full", FULL_PEER.getPublic(), "full");
        registerPeer("peer-blind", BLIND_PEER.getPublic(), "none");
        // Sessions whose events are each too big for two to share a 1 KiB batch.
        for (int i = 0; i < 5; i++) {
            NodeClient.Reply made = user.post(
                    "/api/sessions", NodeClient.json(Map.of("title", "limited " + i, "description", "d".repeat(600))));
            assertThat(made.status()).as(made.raw()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static void registerPeer(String nodeId, PublicKey key, String redaction) {
        SignedBatches.registerSilentPeer(admin, nodeId, key, redaction);
    }

    private static List<Long> storedPositions() {
        return node.getBean(JdbcTemplate.class)
                .queryForList("select global_index from domain_event_entry order by global_index", Long.class);
    }

    private static NodeClient.Reply pull(String requester, KeyPair key, String query) {
        return anonymous.send("GET", PATH + "?" + query, null, SignedBatches.signedPull(requester, key, PATH, query));
    }

    private static String range(long from, long to) {
        return "origin=" + id + "&fromSeq=" + from + "&toSeq=" + to;
    }

    @Test
    @Order(1)
    void aVerifiedPeerPastItsPullsPerMinuteIsRefusedWhileAnotherPeerGoesOn() {
        // given the busy peer used up its allowance
        long first = storedPositions().get(0);
        String query = range(first, first);
        for (int i = 0; i < PULLS_PER_MINUTE; i++) {
            NodeClient.Reply pulled = pull("peer-busy", BUSY_PEER, query);
            assertThat(pulled.status()).as(pulled.raw()).isEqualTo(200);
        }

        // when it pulls once more
        NodeClient.Reply refused = pull("peer-busy", BUSY_PEER, query);

        // then it is turned away, and the calm peer is not
        assertTooMany(refused);
        assertThat(pull("peer-calm", CALM_PEER, query).status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void anAnswerIsCutToTheBatchEventsAndBytesAndWalkingOnFromItsEndYieldsEveryEventOnce() {
        List<Long> positions = storedPositions();
        long head = positions.get(positions.size() - 1);

        // a full peer's answers hold one session event each (two pass 1 KiB); a blind peer's envelopes go two by two
        for (Map.Entry<String, KeyPair> peer :
                Map.of("peer-full", FULL_PEER, "peer-blind", BLIND_PEER).entrySet()) {
            List<Long> received = new ArrayList<>();
            int pages = 0;
            long from = positions.get(0);
            while (from <= head) {
                String query = range(from, from + 999);
                NodeClient.Reply page = pull(peer.getKey(), peer.getValue(), query);
                assertThat(page.status()).as(page.raw()).isEqualTo(200);
                JsonNode data = page.json().get("data");
                int events = data.get("events").size();
                assertThat(events).as(peer.getKey()).isBetween(1, BATCH_EVENTS);
                if (events > 1) {
                    assertThat(page.raw().getBytes(StandardCharsets.UTF_8).length)
                            .as(peer.getKey())
                            .isLessThanOrEqualTo(BATCH_BYTES);
                }
                assertThat(data.get("fromSeq").asLong()).isEqualTo(from);
                long to = data.get("toSeq").asLong();
                assertThat(page.header("orchwiz-seq-range")).isEqualTo(from + "-" + to);
                data.get("events")
                        .valueStream()
                        .forEach(event -> received.add(event.get("seq").asLong()));
                assertThat(received.get(received.size() - 1)).isEqualTo(to);
                from = to + 1;
                pages++;
            }
            assertThat(received).as(peer.getKey()).containsExactlyElementsOf(positions);
            assertThat(pages).as(peer.getKey()).isGreaterThan(1);
        }
    }

    @Test
    @Order(3)
    void refusedPullsFromOneAddressAreLimitedAndAValidPullFromItWaitsToo() {
        // given a stranger who keeps signing as the calm peer with its own key
        KeyPair stranger = ForwardingSignatures.generate();
        String query = range(storedPositions().get(0), storedPositions().get(0));
        for (int i = 0; i < 3; i++) {
            assertThat(pull("peer-calm", stranger, query).code()).isEqualTo("FORWARDING_BAD_SIGNATURE");
        }

        // when it tries again, and when the real peer pulls from the same address
        NodeClient.Reply again = pull("peer-calm", stranger, query);
        NodeClient.Reply genuine = pull("peer-calm", CALM_PEER, query);

        // then both are turned away until the address's bucket refills
        assertTooMany(again);
        assertTooMany(genuine);
    }

    @Test
    @Order(4)
    void refusedPullsAreListedPerRequesterUnderThePullEndpointAndCountedByEndpointAndCode() {
        // when an admin lists the refusals of the tests above
        JsonNode page = admin.get("/api/forwarding/refusals?page=0&size=10").json();

        // then the impostor's five (three bad signatures, two turned away) and the busy peer's one are there
        JsonNode calm = row(page, "peer-calm");
        assertThat(calm.get("endpoint").asString()).isEqualTo("pull");
        assertThat(calm.get("refused").asLong()).isEqualTo(5);
        assertThat(calm.get("lastCode").asString()).isEqualTo("FORWARDING_RATE_LIMITED");
        JsonNode busy = row(page, "peer-busy");
        assertThat(busy.get("endpoint").asString()).isEqualTo("pull");
        assertThat(busy.get("refused").asLong()).isEqualTo(1);
        assertThat(page.get("totalItems").asLong()).isEqualTo(2);

        // and the metric counts them by endpoint and code
        assertThat(SignedBatches.refusedCount(node, "pull", "FORWARDING_BAD_SIGNATURE"))
                .isEqualTo(3.0);
        assertThat(SignedBatches.refusedCount(node, "pull", "FORWARDING_RATE_LIMITED"))
                .isEqualTo(3.0);
    }

    private static JsonNode row(JsonNode page, String origin) {
        return page.get("items")
                .valueStream()
                .filter(item -> item.get("origin").asString().equals(origin))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no refusals of " + origin + " in " + page));
    }
}
