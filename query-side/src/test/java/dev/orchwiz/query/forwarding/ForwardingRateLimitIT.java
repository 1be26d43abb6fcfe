package dev.orchwiz.query.forwarding;

import static dev.orchwiz.query.forwarding.SignedBatches.assertTooMany;
import static dev.orchwiz.query.forwarding.SignedBatches.batch;
import static dev.orchwiz.query.forwarding.SignedBatches.event;
import static dev.orchwiz.query.forwarding.SignedBatches.signed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchwiz.NodeClient;
import dev.orchwiz.TestNodes;
import dev.orchwiz.api.forwarding.ForwardingSignatures;
import dev.orchwiz.testing.TestDatabase;
import java.security.KeyPair;
import java.time.Instant;
import java.util.HashMap;
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
 * The forwarding ingest's rate limits on a node with small ones: a verified origin past its allowance, and an address
 * that keeps sending refused requests, are answered 429 with {@code Retry-After}, and nothing of theirs is stored.
 * Both tests come from the same loopback address, so the address test runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ForwardingRateLimitIT {

    private static final String EVENTS = "/api/forwarding/events";

    private static ConfigurableApplicationContext node;
    private static NodeClient admin;
    private static NodeClient anonymous;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        node = TestNodes.start(
                TestDatabase.create(),
                "--orchwiz.forwarding.rate-limit.per-origin-per-minute=3",
                "--orchwiz.forwarding.rate-limit.failures-per-address-per-minute=3");
        admin = TestNodes.client(node, "admin@example.com", true);
        anonymous = new NodeClient(
                ((WebServerApplicationContext) node).getWebServer().getPort());
        jdbc = node.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static KeyPair trust(String nodeId) {
        return SignedBatches.trust(admin, nodeId);
    }

    private static String oneEvent(String origin, int seq) {
        return batch(origin, List.of(event(origin + "-e" + seq, seq, "SessionStarted", "s" + seq, Map.of())));
    }

    private static long inbox(String origin) {
        Long count = jdbc.queryForObject("select count(*) from forwarding_inbox where origin = ?", Long.class, origin);
        return count == null ? 0 : count;
    }

    @Test
    @Order(1)
    void aVerifiedOriginPastItsAllowanceIsRefusedAndItsEventIsNotStoredWhileAnotherOriginGoesOn() {
        // given
        KeyPair busy = trust("node-busy");
        KeyPair calm = trust("node-calm");
        for (int seq = 1; seq <= 3; seq++) {
            String body = oneEvent("node-busy", seq);
            assertThat(anonymous
                            .post(EVENTS, body, signed("node-busy", busy, body, now()))
                            .status())
                    .isEqualTo(200);
        }

        // when
        String fourth = oneEvent("node-busy", 4);
        NodeClient.Reply refused = anonymous.post(EVENTS, fourth, signed("node-busy", busy, fourth, now()));

        // then
        assertTooMany(refused);
        assertThat(inbox("node-busy")).isEqualTo(3);
        assertThat(jdbc.queryForObject(
                        "select count(*) from forwarded_session where origin = 'node-busy' and session_id = 's4'",
                        Long.class))
                .isZero();
        String other = oneEvent("node-calm", 1);
        assertThat(anonymous
                        .post(EVENTS, other, signed("node-calm", calm, other, now()))
                        .status())
                .isEqualTo(200);
    }

    @Test
    @Order(2)
    void refusedRequestsFromOneAddressAreLimitedHoweverItSpoofsXForwardedFor() {
        // given a trusted origin, and a stranger who signs with the wrong key from ever new "addresses"
        KeyPair key = trust("node-spoofed");
        KeyPair stranger = ForwardingSignatures.generate();
        for (int i = 1; i <= 3; i++) {
            String body = oneEvent("node-spoofed", i);
            Map<String, String> headers = new HashMap<>(signed("node-spoofed", stranger, body, now()));
            headers.put("X-Forwarded-For", "203.0.113." + i);
            headers.put("X-Real-IP", "203.0.113." + i);
            assertThat(anonymous.post(EVENTS, body, headers).code()).isEqualTo("FORWARDING_BAD_SIGNATURE");
        }

        // when the fourth comes, claiming yet another address
        String body = oneEvent("node-spoofed", 4);
        Map<String, String> spoofed = new HashMap<>(signed("node-spoofed", stranger, body, now()));
        spoofed.put("X-Forwarded-For", "198.51.100.7");

        // then it is turned away, and so is a valid request from that address until the bucket refills
        assertTooMany(anonymous.post(EVENTS, body, spoofed));
        assertTooMany(anonymous.post(EVENTS, body, signed("node-spoofed", key, body, now())));
        assertThat(inbox("node-spoofed")).isZero();
    }

    @Test
    @Order(3)
    void anAdminSeesTheRefusalsPerClaimedOriginMostRefusedFirstAndTheyAreCountedByCode() {
        // when an admin lists the refusals of the two tests above
        NodeClient.Reply listed = admin.get("/api/forwarding/refusals?page=0&size=1");

        // then the spoofing stranger's five (three bad signatures, two turned away) come first, one to a page
        assertThat(listed.status()).as(listed.raw()).isEqualTo(200);
        JsonNode page = listed.json();
        assertThat(page.get("totalItems").asLong()).isEqualTo(2);
        assertThat(page.get("totalPages").asInt()).isEqualTo(2);
        JsonNode first = page.get("items").get(0);
        assertThat(first.get("origin").asString()).isEqualTo("node-spoofed");
        assertThat(first.get("endpoint").asString()).isEqualTo("push");
        assertThat(first.get("refused").asLong()).isEqualTo(5);
        assertThat(first.get("lastCode").asString()).isEqualTo("FORWARDING_RATE_LIMITED");
        JsonNode second = admin.get("/api/forwarding/refusals?page=1&size=1")
                .json()
                .get("items")
                .get(0);
        assertThat(second.get("origin").asString()).isEqualTo("node-busy");
        assertThat(second.get("refused").asLong()).isEqualTo(1);

        // and the metric counts them by code
        assertThat(SignedBatches.refusedCount(node, "push", "FORWARDING_BAD_SIGNATURE"))
                .isEqualTo(3.0);

        // and only admins read them, with the usual paging checks
        NodeClient user = TestNodes.client(node, "user@example.com", false);
        assertThat(user.get("/api/forwarding/refusals").code()).isEqualTo("FORWARDING_NOT_ADMIN");
        assertThat(admin.get("/api/forwarding/refusals?size=0").status()).isEqualTo(400);
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
