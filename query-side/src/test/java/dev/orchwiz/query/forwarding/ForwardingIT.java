package dev.orchwiz.query.forwarding;

import static dev.orchwiz.query.forwarding.SignedBatches.batch;
import static dev.orchwiz.query.forwarding.SignedBatches.event;
import static dev.orchwiz.query.forwarding.SignedBatches.original;
import static dev.orchwiz.query.forwarding.SignedBatches.rangedBatch;
import static dev.orchwiz.query.forwarding.SignedBatches.signed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchwiz.NodeClient;
import dev.orchwiz.TestNodes;
import dev.orchwiz.api.forwarding.ForwardingSignatures;
import dev.orchwiz.command.forwarding.NodeSigningKeys;
import dev.orchwiz.query.events.SseReader;
import dev.orchwiz.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Forwarding end to end on one node and a real database: this node's identity and keys, trusted sources, signed
 * batches applied exactly once and folded per session, and every refusal leaving nothing behind.
 */
class ForwardingIT {

    private static final String EVENTS = "/api/forwarding/events";

    private static ConfigurableApplicationContext node;
    private static NodeClient admin;
    private static NodeClient user;
    private static NodeClient anonymous;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        node = TestNodes.start(
                TestDatabase.create(), "--orchwiz.node.name=node-under-test", "--orchwiz.node.type=hybrid");
        admin = TestNodes.client(node, "admin@example.com", true);
        user = TestNodes.client(node, "user@example.com", false);
        anonymous = new NodeClient(
                ((WebServerApplicationContext) node).getWebServer().getPort());
        jdbc = node.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    // --- helpers

    private static KeyPair trustByKey(String nodeId) {
        return SignedBatches.trust(admin, nodeId);
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static NodeClient.Reply send(String body, Map<String, String> headers) {
        return anonymous.post(EVENTS, body, headers);
    }

    private static long stored(String table, String originColumn, String origin) {
        Long count = jdbc.queryForObject(
                "select count(*) from " + table + " where " + originColumn + " = ?", Long.class, origin);
        return count == null ? 0 : count;
    }

    private static void assertNothingStoredFor(String origin) {
        assertThat(stored("forwarding_inbox", "origin", origin)).isZero();
        assertThat(stored("forwarded_session", "origin", origin)).isZero();
        assertThat(stored("forwarding_origin", "node_id", origin)).isZero();
        assertThat(stored("forwarding_nonce", "origin", origin)).isZero();
    }

    private static void assertRefused(NodeClient.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.code()).isEqualTo(code);
    }

    // --- node identity

    @Test
    void anySignedInUserReadsThisNodesIdentityAndAStrangerDoesNot() {
        // when
        JsonNode self = user.get("/api/nodes/self").json();

        // then
        assertThat(self.get("id").asString()).isNotBlank();
        assertThat(self.get("name").asString()).isEqualTo("node-under-test");
        assertThat(self.get("type").asString()).isEqualTo("hybrid");
        assertThat(Base64.getDecoder().decode(self.get("publicKey").asString())).hasSize(32);
        assertThat(self.get("keyId").asString()).isNotBlank();
        assertThat(self.get("position").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(self.get("uptime").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(self.get("version").asString()).isNotBlank();
        JsonNode sessions = self.get("processors")
                .valueStream()
                .filter(processor -> processor.get("name").asString().equals("sessions"))
                .findFirst()
                .orElseThrow();
        assertThat(sessions.get("head").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(sessions.get("running").asBoolean()).isTrue();
        if (!sessions.get("position").isNull()) {
            assertThat(sessions.get("lag").asLong())
                    .isEqualTo(sessions.get("head").asLong()
                            - sessions.get("position").asLong());
        }
        assertThat(anonymous.get("/api/nodes/self").status()).isEqualTo(401);
    }

    @Test
    void anAdminRotatesTheKeyKeepsTheOldOneForTheGracePeriodAndRevokesIt() {
        // given
        String before = user.get("/api/nodes/self").json().get("keyId").asString();

        // when
        NodeClient.Reply rotated = admin.post("/api/nodes/self/keys/rotate", "");

        // then
        assertThat(rotated.status()).as(rotated.raw()).isEqualTo(200);
        String after = rotated.json().get("keyId").asString();
        JsonNode self = user.get("/api/nodes/self").json();
        assertThat(self.get("keyId").asString()).isEqualTo(after).isNotEqualTo(before);
        JsonNode old = key(self, before);
        assertThat(old.get("status").asString()).isEqualTo("retiring");
        assertThat(Instant.parse(old.get("validUntil").asString())).isAfter(Instant.now());

        // and the current key cannot be revoked, nor by a non-admin anything
        assertRefused(admin.post("/api/nodes/self/keys/" + after + "/revoke", ""), 409, "FORWARDING_CURRENT_KEY");
        assertRefused(user.post("/api/nodes/self/keys/" + before + "/revoke", ""), 403, "FORWARDING_NOT_ADMIN");
        assertRefused(user.post("/api/nodes/self/keys/rotate", ""), 403, "FORWARDING_NOT_ADMIN");
        assertRefused(admin.post("/api/nodes/self/keys/nope/revoke", ""), 404, "FORWARDING_KEY_NOT_FOUND");

        // when the old key is revoked
        assertThat(admin.post("/api/nodes/self/keys/" + before + "/revoke", "").status())
                .isEqualTo(204);

        // then
        assertThat(key(user.get("/api/nodes/self").json(), before).get("status").asString())
                .isEqualTo("revoked");
    }

    private static JsonNode key(JsonNode self, String keyId) {
        for (JsonNode key : self.get("keys")) {
            if (key.get("keyId").asString().equals(keyId)) {
                return key;
            }
        }
        throw new AssertionError("no key " + keyId + " in " + self);
    }

    // --- sources

    @Test
    void onlyAdminsManageSourcesWhichArePaginatedAndRefuseBadInput() {
        // given
        trustByKey("src-one");
        trustByKey("src-two");
        String key = ForwardingSignatures.publicKeyText(
                ForwardingSignatures.generate().getPublic());

        // then bad input and strangers are refused
        assertRefused(
                user.post("/api/forwarding/sources", NodeClient.json(Map.of("nodeId", "src-x", "publicKey", key))),
                403,
                "FORWARDING_NOT_ADMIN");
        assertRefused(
                admin.post("/api/forwarding/sources", NodeClient.json(Map.of("nodeId", "src-x", "publicKey", "abc"))),
                400,
                "FORWARDING_INVALID_INPUT");
        assertRefused(
                admin.post(
                        "/api/forwarding/sources",
                        NodeClient.json(Map.of("nodeId", "src-x", "publicKey", key, "apiKey", "0123456789abcdef0"))),
                400,
                "FORWARDING_INVALID_INPUT");
        assertRefused(
                admin.post("/api/forwarding/sources", NodeClient.json(Map.of("nodeId", "src x", "publicKey", key))),
                400,
                "FORWARDING_INVALID_INPUT");
        assertRefused(
                admin.post("/api/forwarding/sources", NodeClient.json(Map.of("nodeId", "src-one", "publicKey", key))),
                409,
                "FORWARDING_SOURCE_TAKEN");
        assertRefused(user.get("/api/forwarding/sources"), 403, "FORWARDING_NOT_ADMIN");

        // and the list pages
        JsonNode page = admin.get("/api/forwarding/sources?size=1").json();
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("totalItems").asLong()).isGreaterThanOrEqualTo(2);
        assertRefused(admin.get("/api/forwarding/sources?size=1000"), 400, "INVALID_PARAMETER");
    }

    @Test
    void anAdminDisablesAndRemovesASourceAndAnApiKeyIsNeverShown() {
        // given
        NodeClient.Reply created = admin.post(
                "/api/forwarding/sources",
                NodeClient.json(Map.of("nodeId", "src-legacy-shown", "apiKey", "owz_0123456789abcdef0123456789")));
        String id = created.json().get("id").asString();

        // then
        JsonNode source = admin.get("/api/forwarding/sources/" + id).json();
        assertThat(source.get("kind").asString()).isEqualTo("API_KEY");
        assertThat(source.get("enabled").asBoolean()).isTrue();
        assertThat(admin.get("/api/forwarding/sources/" + id).raw()).doesNotContain("owz_0123456789abcdef");

        // when
        assertThat(admin.post("/api/forwarding/sources/" + id + "/disable", "").status())
                .isEqualTo(200);

        // then
        assertThat(admin.get("/api/forwarding/sources/" + id)
                        .json()
                        .get("enabled")
                        .asBoolean())
                .isFalse();

        // when
        assertThat(admin.delete("/api/forwarding/sources/" + id).status()).isEqualTo(204);

        // then
        assertRefused(admin.get("/api/forwarding/sources/" + id), 404, "FORWARDING_SOURCE_NOT_FOUND");
        assertRefused(admin.get("/api/forwarding/sources/not-an-id"), 404, "FORWARDING_SOURCE_NOT_FOUND");
    }

    // --- signed batches

    @Test
    void aSignedBatchIsAppliedOnceAndFoldsIntoOneRowPerSession() {
        // given
        KeyPair key = trustByKey("node-a");
        String body = batch(
                "node-a",
                List.of(
                        event("e1", 1, "SessionStarted", "s1", Map.of("title", "Build")),
                        event("e2", 2, "SessionRenamed", "s1", Map.of("title", "Build it")),
                        event("e3", 3, "SessionStarted", "s2", Map.of("title", "Other"))));

        // when
        NodeClient.Reply first = send(body, signed("node-a", key, body, now()));

        // then
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.json().get("applied").asInt()).isEqualTo(3);
        assertThat(first.json().get("highWaterMark").asLong()).isEqualTo(3);

        // when the same batch comes again (a retry, newly signed)
        NodeClient.Reply again = send(body, signed("node-a", key, body, now()));

        // then nothing is applied twice
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("applied").asInt()).isZero();
        assertThat(again.json().get("duplicates").asInt()).isEqualTo(3);
        assertThat(stored("forwarding_inbox", "origin", "node-a")).isEqualTo(3);
        JsonNode sessions =
                admin.get("/api/forwarding/sessions?sourceNodeId=node-a").json();
        assertThat(sessions.get("totalItems").asLong()).isEqualTo(2);
        JsonNode s1 = null;
        for (JsonNode row : sessions.get("items")) {
            if (row.get("sessionId").asString().equals("s1")) {
                s1 = row;
            }
        }
        assertThat(s1).isNotNull();
        assertThat(s1.get("eventCount").asLong()).isEqualTo(2);
        assertThat(s1.get("title").asString()).isEqualTo("Build it");
        assertThat(s1.get("sourceNodeId").asString()).isEqualTo("node-a");
        assertThat(s1.get("lastEventType").asString()).isEqualTo("SessionRenamed");
        assertRefused(user.get("/api/forwarding/sessions"), 403, "FORWARDING_NOT_ADMIN");
    }

    @Test
    void aBatchNamingOneEventTwiceStoresAndFoldsItsFirstCopyOnce() {
        // given a batch (from a peer with a bug) that carries event d1 twice, the second copy different
        KeyPair key = trustByKey("node-twice");
        String body = batch(
                "node-twice",
                List.of(
                        event("d1", 1, "SessionStarted", "s", Map.of("title", "first copy")),
                        event("d2", 2, "SessionPaused", "s", Map.of()),
                        event("d1", 1, "SessionStarted", "s", Map.of("title", "second copy"))));

        // when
        NodeClient.Reply reply = send(body, signed("node-twice", key, body, now()));

        // then
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.json().get("received").asInt()).isEqualTo(3);
        assertThat(reply.json().get("applied").asInt()).isEqualTo(2);
        assertThat(reply.json().get("duplicates").asInt()).isEqualTo(1);
        assertThat(stored("forwarding_inbox", "origin", "node-twice")).isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "select payload->>'title' from forwarding_inbox where origin = 'node-twice' and event_id = 'd1'",
                        String.class))
                .isEqualTo("first copy");
        JsonNode session = admin.get("/api/forwarding/sessions?sourceNodeId=node-twice")
                .json()
                .get("items")
                .get(0);
        assertThat(session.get("eventCount").asLong()).isEqualTo(2);
        assertThat(session.get("title").asString()).isEqualTo("first copy");
        assertThat(reply.json().get("highWaterMark").asLong()).isEqualTo(2);
    }

    @Test
    void aPayloadTextTheDatabaseCannotHoldIsRefusedAsAnInvalidBatchWithNothingStored() {
        // given texts PostgreSQL's jsonb refuses, as JSON escapes in the body: a NUL, and a lone surrogate (in a value
        // and in a field name)
        KeyPair key = trustByKey("node-nul");
        String template =
                batch("node-nul", List.of(event("n1", 1, "SessionStarted", "s", Map.of("title", "a@TEXT@b"))));
        for (String escape : List.of("\\u0000", "\\ud800", "\\udc00")) {
            String body = template.replace("@TEXT@", escape);
            assertThat(body).contains(escape);

            // when
            NodeClient.Reply reply = send(body, signed("node-nul", key, body, now()));

            // then
            assertRefused(reply, 400, "FORWARDING_INVALID_BATCH");
        }
        String inName = template.replace("\"title\"", "\"ti\\ud800tle\"");
        assertRefused(send(inName, signed("node-nul", key, inName, now())), 400, "FORWARDING_INVALID_BATCH");
        assertThat(stored("forwarding_inbox", "origin", "node-nul")).isZero();
    }

    @Test
    void aMissingRangeIsRecordedAsAGapUntilItArrives() {
        // given
        KeyPair key = trustByKey("node-gap");
        String start = batch(
                "node-gap",
                List.of(
                        event("g1", 10, "SessionStarted", "s", Map.of()),
                        event("g2", 11, "SessionPaused", "s", Map.of())));
        String later = batch("node-gap", List.of(event("g5", 14, "SessionResumed", "s", Map.of())));
        String missing = batch(
                "node-gap",
                List.of(
                        event("g3", 12, "SessionResumed", "s", Map.of()),
                        event("g4", 13, "SessionPaused", "s", Map.of())));

        // when
        send(start, signed("node-gap", key, start, now()));
        NodeClient.Reply withGap = send(later, signed("node-gap", key, later, now()));

        // then
        assertThat(withGap.json().get("highWaterMark").asLong()).isEqualTo(11);
        assertThat(withGap.json().get("gaps").get(0).get("fromSeq").asLong()).isEqualTo(12);
        assertThat(withGap.json().get("gaps").get(0).get("toSeq").asLong()).isEqualTo(13);
        JsonNode source = admin.get("/api/forwarding/sources?size=100")
                .json()
                .get("items")
                .valueStream()
                .filter(item -> item.get("nodeId").asString().equals("node-gap"))
                .findFirst()
                .orElseThrow();
        assertThat(source.get("highWaterMark").asLong()).isEqualTo(11);
        assertThat(source.get("maxSeen").asLong()).isEqualTo(14);
        assertThat(source.get("gaps").get(0).get("fromSeq").asLong()).isEqualTo(12);

        // when the missing events arrive
        NodeClient.Reply filled = send(missing, signed("node-gap", key, missing, now()));

        // then
        assertThat(filled.json().get("highWaterMark").asLong()).isEqualTo(14);
        assertThat(filled.json().get("gaps")).isEmpty();
        JsonNode row = admin.get("/api/forwarding/sessions?sourceNodeId=node-gap")
                .json()
                .get("items")
                .get(0);
        assertThat(row.get("eventCount").asLong()).isEqualTo(5);
        assertThat(row.get("status").asString()).isEqualTo("active");
    }

    @Test
    void aBatchCoversItsWholeRangeSoPositionsWithoutEventsAreNoGapsAndAnEmptyRangeClosesOne() {
        // given an origin that names the ranges it covers: 20..23 carries only 21 (the rest filtered out)
        KeyPair key = trustByKey("node-cover");
        String first = rangedBatch("node-cover", 20, 23, List.of(event("c1", 21, "SessionStarted", "s", Map.of())));
        String jump = rangedBatch("node-cover", 30, 30, List.of(event("c2", 30, "SessionPaused", "s", Map.of())));
        String nothingFor = rangedBatch("node-cover", 24, 29, List.of());
        String outside = rangedBatch("node-cover", 40, 41, List.of(event("c3", 42, "SessionPaused", "s", Map.of())));

        // when the first arrives, then its whole range counts
        NodeClient.Reply covered = send(first, signed("node-cover", key, first, now()));
        assertThat(covered.status()).as(covered.raw()).isEqualTo(200);
        assertThat(covered.json().get("highWaterMark").asLong()).isEqualTo(23);
        assertThat(covered.json().get("gaps")).isEmpty();

        // when 30 arrives, then 24..29 is a gap
        NodeClient.Reply withGap = send(jump, signed("node-cover", key, jump, now()));
        assertThat(withGap.json().get("gaps").get(0).get("fromSeq").asLong()).isEqualTo(24);
        assertThat(withGap.json().get("gaps").get(0).get("toSeq").asLong()).isEqualTo(29);

        // when the origin says 24..29 holds nothing for this node, then the gap closes
        NodeClient.Reply closed = send(nothingFor, signed("node-cover", key, nothingFor, now()));
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
        assertThat(closed.json().get("highWaterMark").asLong()).isEqualTo(30);
        assertThat(closed.json().get("gaps")).isEmpty();
        assertThat(jdbc.queryForObject(
                        "select count(*) from forwarding_coverage where node_id = 'node-cover'", Long.class))
                .as("coverage the mark passed is not kept")
                .isZero();

        // and an event outside the range it claims is refused, an empty batch without a range too
        assertRefused(send(outside, signed("node-cover", key, outside, now())), 400, "FORWARDING_INVALID_BATCH");
        String bare = batch("node-cover", List.of());
        assertRefused(send(bare, signed("node-cover", key, bare, now())), 400, "FORWARDING_INVALID_BATCH");
    }

    @Test
    void refusesTamperedWrongKeyStaleUnknownIncompleteAndOversizedBatchesAndStoresNothing() {
        // given
        KeyPair key = trustByKey("node-r");
        KeyPair stranger = ForwardingSignatures.generate();
        String body = batch("node-r", List.of(event("r1", 1, "SessionStarted", "s", Map.of("title", "t"))));
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(event("big" + i, i, "SessionRenamed", "s", Map.of()));
        }
        String oversized = batch("node-r", many);

        // then
        Map<String, String> tamperedHeaders = signed("node-r", key, body, now());
        assertRefused(send(body.replace("\"t\"", "\"T\""), tamperedHeaders), 401, "FORWARDING_BAD_SIGNATURE");
        assertRefused(send(body, signed("node-r", stranger, body, now())), 401, "FORWARDING_BAD_SIGNATURE");
        assertRefused(send(body, signed("node-r", key, body, now() - 301)), 401, "FORWARDING_STALE_TIMESTAMP");
        // Ahead by a margin: the node's clock moves on while the request travels (a second flipping over, or a slow
        // machine), which brings a time just over the bound back within it; behind needs none, it only grows older.
        assertRefused(send(body, signed("node-r", key, body, now() + 330)), 401, "FORWARDING_STALE_TIMESTAMP");
        Map<String, String> unknown = signed("node-r", key, body, now());
        unknown.put("orchwiz-origin", "node-nobody");
        assertRefused(send(body, unknown), 403, "FORWARDING_UNKNOWN_ORIGIN");
        Map<String, String> noSignature = signed("node-r", key, body, now());
        noSignature.remove("webhook-signature");
        assertRefused(send(body, noSignature), 400, "FORWARDING_MISSING_HEADER");
        assertRefused(send(body, Map.of()), 400, "FORWARDING_MISSING_HEADER");
        assertRefused(send(oversized, signed("node-r", key, oversized, now())), 413, "FORWARDING_BATCH_TOO_LARGE");
        String otherOrigin = batch("node-else", List.of(event("r2", 2, "SessionStarted", "s", Map.of())));
        assertRefused(send(otherOrigin, signed("node-r", key, otherOrigin, now())), 400, "FORWARDING_INVALID_BATCH");
        assertNothingStoredFor("node-r");
        assertNothingStoredFor("node-nobody");
    }

    @Test
    void aDisabledSourceIsNoLongerTrusted() {
        // given
        KeyPair key = trustByKey("node-off");
        String id = admin.get("/api/forwarding/sources?size=100")
                .json()
                .get("items")
                .valueStream()
                .filter(source -> source.get("nodeId").asString().equals("node-off"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
        admin.post("/api/forwarding/sources/" + id + "/disable", "");
        String body = batch("node-off", List.of(event("o1", 1, "SessionStarted", "s", Map.of())));

        // then
        assertRefused(send(body, signed("node-off", key, body, now())), 403, "FORWARDING_UNKNOWN_ORIGIN");
        assertNothingStoredFor("node-off");
    }

    // --- forwarded sessions among the local ones

    @Test
    void theSessionListShowsForwardedSessionsOneRowEachBesideLocalOnesWithTheirSourceWhenAskedAndOnlyToAdmins() {
        // given a local session, and a source named Laptop that forwards three events about two sessions
        String localId = admin.post(
                        "/api/sessions", NodeClient.json(Map.of("title", "here and now", "mode", "auto_accept")))
                .json()
                .get("id")
                .asString();
        assertThat(admin.get("/api/sessions/" + localId + "?minVersion=1").status())
                .isEqualTo(200);
        KeyPair pair = ForwardingSignatures.generate();
        assertThat(admin.post(
                                "/api/forwarding/sources",
                                NodeClient.json(Map.of(
                                        "nodeId",
                                        "node-list",
                                        "name",
                                        "Laptop",
                                        "publicKey",
                                        ForwardingSignatures.publicKeyText(pair.getPublic()))))
                        .status())
                .isEqualTo(201);
        String body = batch(
                "node-list",
                List.of(
                        event("l1", 1, "SessionStarted", "far-1", Map.of("title", "far away")),
                        event("l2", 2, "SessionPaused", "far-1", Map.of()),
                        event("l3", 3, "SessionStarted", "far-2", Map.of("title", "also far"))));
        assertThat(send(body, signed("node-list", pair, body, now())).status()).isEqualTo(200);

        // then the plain list is this node's only, each row saying so
        JsonNode plain = admin.get("/api/sessions?size=100").json();
        assertThat(plain.get("items").valueStream().map(row -> row.get("sourceNodeId")
                        .asString()))
                .containsOnly("local");

        // and with includeForwarded the remote sessions are listed too, one row each, with their source
        JsonNode all = admin.get("/api/sessions?includeForwarded=true&size=100").json();
        List<JsonNode> far1 = all.get("items")
                .valueStream()
                .filter(row -> row.get("id").asString().equals("far-1"))
                .toList();
        assertThat(far1).hasSize(1);
        assertThat(far1.get(0).get("sourceNodeId").asString()).isEqualTo("node-list");
        assertThat(far1.get(0).get("sourceNodeName").asString()).isEqualTo("Laptop");
        assertThat(far1.get(0).get("status").asString()).isEqualTo("paused");
        assertThat(far1.get(0).get("title").asString()).isEqualTo("far away");
        assertThat(far1.get(0).get("interactionCount").asLong()).isEqualTo(2);
        assertThat(all.get("items").valueStream().map(row -> row.get("id").asString()))
                .contains(localId, "far-1", "far-2");
        assertThat(all.get("totalItems").asLong())
                .isEqualTo(plain.get("totalItems").asLong()
                        + jdbc.queryForObject("select count(*) from forwarded_session", Long.class));

        // and sourceNodeId keeps one node's rows, with the other filters still applying
        JsonNode one = admin.get("/api/sessions?sourceNodeId=node-list").json();
        assertThat(one.get("items").valueStream().map(row -> row.get("id").asString()))
                .containsExactlyInAnyOrder("far-1", "far-2");
        assertThat(admin.get("/api/sessions?sourceNodeId=node-list&status=paused")
                        .json()
                        .get("items")
                        .valueStream()
                        .map(row -> row.get("id").asString()))
                .containsExactly("far-1");
        assertThat(admin.get("/api/sessions?sourceNodeId=node-list&q=also")
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(1);
        assertThat(admin.get("/api/sessions?sourceNodeId=node-list&mode=plan")
                        .json()
                        .get("totalItems")
                        .asLong())
                .isZero();
        assertThat(admin.get("/api/sessions?includeForwarded=true&sourceNodeId=local&size=100")
                        .json()
                        .get("items")
                        .valueStream()
                        .map(row -> row.get("sourceNodeId").asString()))
                .containsOnly("local");

        // and a member may not ask for them, nor anyone with a malformed node id
        assertRefused(user.get("/api/sessions?includeForwarded=true"), 403, "FORWARDING_NOT_ADMIN");
        assertRefused(user.get("/api/sessions?sourceNodeId=node-list"), 403, "FORWARDING_NOT_ADMIN");
        assertThat(user.get("/api/sessions?sourceNodeId=local").status()).isEqualTo(200);
        assertRefused(admin.get("/api/sessions?sourceNodeId=a%20b"), 400, "INVALID_PARAMETER");
    }

    @Test
    void aRemoteSessionsTimelineIsItsForwardedEventsInTheOriginsOrder() {
        // given events about one remote session, sent out of order
        KeyPair key = trustByKey("node-timeline");
        String later = batch("node-timeline", List.of(event("t3", 3, "SessionCompleted", "tl", Map.of())));
        String earlier = batch(
                "node-timeline",
                List.of(
                        event("t1", 1, "SessionStarted", "tl", Map.of("title", "timeline")),
                        event("t2", 2, "SessionPaused", "tl", Map.of()),
                        event("x1", 4, "SessionStarted", "other", Map.of())));
        send(later, signed("node-timeline", key, later, now()));
        send(earlier, signed("node-timeline", key, earlier, now()));

        // when
        JsonNode row = admin.get("/api/forwarding/sessions/node-timeline/tl").json();
        JsonNode timeline =
                admin.get("/api/forwarding/sessions/node-timeline/tl/events").json();

        // then
        assertThat(row.get("title").asString()).isEqualTo("timeline");
        assertThat(row.get("status").asString()).isEqualTo("completed");
        assertThat(timeline.get("items").valueStream().map(event -> event.get("type")
                        .asString()))
                .containsExactly("SessionStarted", "SessionPaused", "SessionCompleted");
        assertThat(timeline.get("items").get(0).get("sourceNodeId").asString()).isEqualTo("node-timeline");
        assertThat(timeline.get("items").get(0).get("payload").get("title").asString())
                .isEqualTo("timeline");
        assertThat(admin.get("/api/forwarding/sessions/node-timeline/tl/events?size=2")
                        .json()
                        .get("totalPages")
                        .asInt())
                .isEqualTo(2);
        assertRefused(admin.get("/api/forwarding/sessions/node-timeline/nope"), 404, "FORWARDING_SESSION_NOT_FOUND");
        assertRefused(
                admin.get("/api/forwarding/sessions/node-timeline/nope/events"), 404, "FORWARDING_SESSION_NOT_FOUND");
        assertRefused(user.get("/api/forwarding/sessions/node-timeline/tl/events"), 403, "FORWARDING_NOT_ADMIN");
    }

    // --- the event stream

    private static SseReader stream(NodeClient client, String query, Map<String, String> headers) throws Exception {
        Map<String, String> all = new HashMap<>(client.defaults());
        all.putAll(headers);
        return new SseReader(client.base() + "/api/events/stream" + query, all);
    }

    @Test
    void forwardedEventsAppearOnTheStreamWithTheirOriginFilteredBySourceAndResumable() throws Exception {
        // given
        KeyPair key = trustByKey("node-sse");
        KeyPair other = trustByKey("node-sse-other");
        String first = batch(
                "node-sse",
                List.of(
                        event("sse1", 1, "SessionStarted", "live", Map.of("title", "live")),
                        event("sse2", 2, "SessionPaused", "live", Map.of())));
        String elsewhere = batch("node-sse-other", List.of(event("o1", 1, "SessionStarted", "o", Map.of())));
        List<SseReader.Frame> seen;
        try (SseReader live = stream(admin, "?source=node-sse", Map.of())) {
            assertThat(live.status).isEqualTo(200);
            assertThat(live.next(Duration.ofSeconds(10)).event()).isEqualTo("connected");

            // when events are forwarded by it and by another node
            send(elsewhere, signed("node-sse-other", other, elsewhere, now()));
            send(first, signed("node-sse", key, first, now()));

            // then only its own arrive, in order, as forwarded frames naming their origin
            seen = live.nextEvents(2, Duration.ofSeconds(10));
            assertThat(live.quietFor(Duration.ofMillis(600))).isEmpty();
        }
        assertThat(seen).extracting(SseReader.Frame::event).containsOnly("forwarded");
        JsonNode frame = JsonMapper.builder().build().readTree(seen.get(0).data());
        assertThat(frame.get("sourceNodeId").asString()).isEqualTo("node-sse");
        assertThat(frame.get("eventId").asString()).isEqualTo("sse1");
        assertThat(frame.get("seq").asLong()).isEqualTo(1);
        assertThat(frame.get("payload").get("title").asString()).isEqualTo("live");
        assertThat(seen.get(0).id()).matches("\\d+:\\d+");

        // when a client resumes after the first, it gets the second only
        try (SseReader resumed = stream(
                admin, "?source=node-sse", Map.of("Last-Event-ID", seen.get(0).id()))) {
            resumed.next(Duration.ofSeconds(10));
            List<SseReader.Frame> again = resumed.nextEvents(1, Duration.ofSeconds(10));
            assertThat(JsonMapper.builder()
                            .build()
                            .readTree(again.get(0).data())
                            .get("eventId")
                            .asString())
                    .isEqualTo("sse2");
            assertThat(resumed.quietFor(Duration.ofMillis(600))).isEmpty();
        }

        // and with source=all both this node's and forwarded events come, each saying whose it is
        try (SseReader everything = stream(admin, "?source=all", Map.of())) {
            everything.next(Duration.ofSeconds(10));
            admin.post("/api/sessions", NodeClient.json(Map.of("title", "local one", "mode", "auto_accept")));
            String more = batch("node-sse", List.of(event("sse3", 3, "SessionResumed", "live", Map.of())));
            send(more, signed("node-sse", key, more, now()));
            java.util.Set<String> sources = new java.util.HashSet<>();
            for (int i = 0; i < 10 && sources.size() < 2; i++) {
                SseReader.Frame next =
                        everything.nextEvents(1, Duration.ofSeconds(10)).get(0);
                sources.add(JsonMapper.builder()
                        .build()
                        .readTree(next.data())
                        .get("sourceNodeId")
                        .asString());
            }
            assertThat(sources).containsExactlyInAnyOrder("local", "node-sse");
        }

        // and members may not ask for forwarded events
        try (SseReader refused = stream(user, "?source=all", Map.of())) {
            assertThat(refused.status).isEqualTo(403);
        }
    }

    // --- an origin's key rotation

    @Test
    void afterAnOriginRotatesAnAdminPinsItsNewKeyAndTheOldOneVerifiesOnlyDuringTheGrace() {
        // given a source pinned to the origin's first key
        KeyPair first = trustByKey("node-rot");
        String id = sourceIdOf("node-rot");
        KeyPair second = ForwardingSignatures.generate();
        KeyPair third = ForwardingSignatures.generate();

        // when the origin rotates and the admin pins its new key
        NodeClient.Reply repinned = admin.post(
                "/api/forwarding/sources/" + id + "/key",
                NodeClient.json(Map.of("publicKey", ForwardingSignatures.publicKeyText(second.getPublic()))));
        assertThat(repinned.status()).as(repinned.raw()).isEqualTo(200);

        // then batches signed with either key, or both (dual signing), are taken during the grace
        String byNew = batch("node-rot", List.of(event("rot1", 1, "SessionStarted", "r", Map.of())));
        assertThat(send(byNew, signed("node-rot", second, byNew, now())).status())
                .isEqualTo(200);
        String byOld = batch("node-rot", List.of(event("rot2", 2, "SessionPaused", "r", Map.of())));
        assertThat(send(byOld, signed("node-rot", first, byOld, now())).status())
                .isEqualTo(200);
        String byBoth = batch("node-rot", List.of(event("rot3", 3, "SessionResumed", "r", Map.of())));
        Map<String, String> dual = signed("node-rot", first, byBoth, now());
        dual.put(
                "webhook-signature",
                dual.get("webhook-signature") + " "
                        + ForwardingSignatures.sign(
                                second.getPrivate(),
                                dual.get("webhook-id"),
                                dual.get("webhook-timestamp"),
                                byBoth.getBytes(StandardCharsets.UTF_8)));
        assertThat(send(byBoth, dual).status()).isEqualTo(200);

        // when it rotates again and the admin gives the previous key no grace
        assertThat(admin.post(
                                "/api/forwarding/sources/" + id + "/key",
                                NodeClient.json(Map.of(
                                        "publicKey",
                                        ForwardingSignatures.publicKeyText(third.getPublic()),
                                        "graceSeconds",
                                        0)))
                        .status())
                .isEqualTo(200);

        // then only the newest key verifies, and the first not at all any more
        String late = batch("node-rot", List.of(event("rot4", 4, "SessionPaused", "r", Map.of())));
        assertRefused(send(late, signed("node-rot", second, late, now())), 401, "FORWARDING_BAD_SIGNATURE");
        assertRefused(send(late, signed("node-rot", first, late, now())), 401, "FORWARDING_BAD_SIGNATURE");
        assertThat(send(late, signed("node-rot", third, late, now())).status()).isEqualTo(200);
        assertThat(stored("forwarding_inbox", "origin", "node-rot")).isEqualTo(4);

        // and bad requests are refused
        String key = ForwardingSignatures.publicKeyText(third.getPublic());
        assertRefused(
                user.post("/api/forwarding/sources/" + id + "/key", NodeClient.json(Map.of("publicKey", key))),
                403,
                "FORWARDING_NOT_ADMIN");
        assertRefused(
                admin.post("/api/forwarding/sources/" + id + "/key", NodeClient.json(Map.of("publicKey", "nope"))),
                400,
                "FORWARDING_INVALID_INPUT");
        assertRefused(
                admin.post(
                        "/api/forwarding/sources/" + id + "/key",
                        NodeClient.json(Map.of("publicKey", key, "graceSeconds", 99_999_999))),
                400,
                "FORWARDING_INVALID_INPUT");
        admin.post("/api/forwarding/sources", NodeClient.json(Map.of("nodeId", "legacy-rot", "apiKey", API_KEY)));
        assertRefused(
                admin.post(
                        "/api/forwarding/sources/" + sourceIdOf("legacy-rot") + "/key",
                        NodeClient.json(Map.of("publicKey", key))),
                400,
                "FORWARDING_INVALID_INPUT");
    }

    private static String sourceIdOf(String nodeId) {
        return admin.get("/api/forwarding/sources?size=100")
                .json()
                .get("items")
                .valueStream()
                .filter(source -> source.get("nodeId").asString().equals(nodeId))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
    }

    // --- the original OrchWiz's single-event format

    private static final String API_KEY = "owz_0123456789abcdef0123456789abcdef0123";

    @Test
    void acceptsTheOriginalSingleEventFormatOnceAndRefusesAReplayedNonce() {
        // given
        assertThat(admin.post(
                                "/api/forwarding/sources",
                                NodeClient.json(Map.of("nodeId", "legacy-1", "apiKey", API_KEY, "name", "Old node")))
                        .status())
                .isEqualTo(201);
        String body = "{\"eventType\":\"session\",\"occurredAt\":\"2026-12-01T09:00:00.000Z\","
                + "\"payload\":{\"id\":\"remote-s1\",\"title\":\"Old node session\",\"status\":\"running\"}}";
        long millis = Instant.now().toEpochMilli();

        // when
        NodeClient.Reply accepted = send(body, original("legacy-1", API_KEY, body, millis, "nonce-1"));

        // then
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        assertThat(accepted.json().get("received").asBoolean()).isTrue();
        assertThat(accepted.json().get("dedupeKey").asString()).hasSize(64);
        JsonNode row = admin.get("/api/forwarding/sessions?sourceNodeId=legacy-1")
                .json()
                .get("items")
                .get(0);
        assertThat(row.get("sessionId").asString()).isEqualTo("remote-s1");
        assertThat(row.get("title").asString()).isEqualTo("Old node session");
        assertThat(row.get("status").asString()).isEqualTo("running");

        // when the same nonce comes again
        assertRefused(
                send(body, original("legacy-1", API_KEY, body, millis, "nonce-1")), 409, "FORWARDING_NONCE_REPLAYED");

        // when the same event comes with a new nonce, it is a duplicate, not a second event
        NodeClient.Reply duplicate = send(body, original("legacy-1", API_KEY, body, millis, "nonce-2"));
        assertThat(duplicate.status()).isEqualTo(200);
        assertThat(duplicate.json().get("duplicate").asBoolean()).isTrue();
        assertThat(stored("forwarding_inbox", "origin", "legacy-1")).isEqualTo(1);
        assertThat(admin.get("/api/forwarding/sessions?sourceNodeId=legacy-1")
                        .json()
                        .get("items")
                        .get(0)
                        .get("eventCount")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void refusesBadOriginalRequestsWithoutConsumingTheirNonces() {
        // given
        admin.post("/api/forwarding/sources", NodeClient.json(Map.of("nodeId", "legacy-2", "apiKey", API_KEY)));
        String body = "{\"eventType\":\"session\",\"payload\":{\"id\":\"remote-s2\"}}";
        long millis = Instant.now().toEpochMilli();

        // then
        Map<String, String> badSignature = original("legacy-2", API_KEY, body, millis, "n-1");
        badSignature.put("x-orchwiz-signature", "00".repeat(32));
        assertRefused(send(body, badSignature), 401, "FORWARDING_BAD_SIGNATURE");
        Map<String, String> wrongKey = original("legacy-2", API_KEY + "x", body, millis, "n-1");
        assertRefused(send(body, wrongKey), 401, "FORWARDING_BAD_SIGNATURE");
        assertRefused(
                send(body, original("legacy-2", API_KEY, body, millis - 301_000, "n-1")),
                401,
                "FORWARDING_STALE_TIMESTAMP");
        assertRefused(
                send(body, original("legacy-none", API_KEY, body, millis, "n-1")), 403, "FORWARDING_UNKNOWN_ORIGIN");
        Map<String, String> noNonce = original("legacy-2", API_KEY, body, millis, "n-1");
        noNonce.remove("x-orchwiz-nonce");
        assertRefused(send(body, noNonce), 400, "FORWARDING_MISSING_HEADER");
        String invalid = "{\"eventType\":\"sessions\",\"payload\":{}}";
        assertRefused(
                send(invalid, original("legacy-2", API_KEY, invalid, millis, "n-1")), 400, "FORWARDING_INVALID_BATCH");
        assertNothingStoredFor("legacy-2");

        // when a valid request then uses the nonce the refused ones carried
        NodeClient.Reply accepted = send(body, original("legacy-2", API_KEY, body, millis, "n-1"));

        // then it is accepted
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        assertThat(stored("forwarding_nonce", "origin", "legacy-2")).isEqualTo(1);
    }

    @Test
    void prunesNoncesOnceNoRequestCouldStillPassTheTimeCheckWithThem() {
        // given a source with a nonce used eleven minutes ago and one used a minute ago
        admin.post("/api/forwarding/sources", NodeClient.json(Map.of("nodeId", "legacy-3", "apiKey", API_KEY)));
        jdbc.update(
                "insert into forwarding_nonce (origin, nonce, received_at) values ('legacy-3', 'old', now() - interval"
                        + " '11 minutes'), ('legacy-3', 'recent', now() - interval '1 minute')");
        String body = "{\"eventType\":\"task\",\"payload\":{\"id\":\"t1\"}}";

        // when a valid request comes
        NodeClient.Reply accepted =
                send(body, original("legacy-3", API_KEY, body, Instant.now().toEpochMilli(), "fresh"));

        // then the old nonce is gone, the recent one and the new one are kept
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        assertThat(jdbc.queryForList(
                        "select nonce from forwarding_nonce where origin = 'legacy-3' order by nonce", String.class))
                .containsExactly("fresh", "recent");
    }

    @Test
    void anApiKeySourceCannotSendSignedBatchesNorAKeySourceTheOriginalFormat() {
        // given
        admin.post("/api/forwarding/sources", NodeClient.json(Map.of("nodeId", "legacy-4", "apiKey", API_KEY)));
        KeyPair key = trustByKey("node-k");
        String batchBody = batch("legacy-4", List.of(event("k1", 1, "SessionStarted", "s", Map.of())));
        String single = "{\"eventType\":\"session\",\"payload\":{\"id\":\"s\"}}";

        // then
        assertRefused(send(batchBody, signed("legacy-4", key, batchBody, now())), 403, "FORWARDING_UNKNOWN_ORIGIN");
        assertRefused(
                send(single, original("node-k", API_KEY, single, Instant.now().toEpochMilli(), "n")),
                403,
                "FORWARDING_UNKNOWN_ORIGIN");
        assertNothingStoredFor("legacy-4");
        assertNothingStoredFor("node-k");
    }

    // --- restart

    @Test
    void aNodeKeepsItsIdAndKeyPairAcrossARestart() {
        // given a node that made its key on its first start
        TestDatabase.Database database = TestDatabase.create();
        JsonNode before;
        try (ConfigurableApplicationContext first = TestNodes.start(database)) {
            before = TestNodes.client(first, "ops@example.com", false)
                    .get("/api/nodes/self")
                    .json();
        }

        // when it starts again
        try (ConfigurableApplicationContext second = TestNodes.start(database)) {
            JsonNode after = TestNodes.client(second, "ops@example.com", false)
                    .get("/api/nodes/self")
                    .json();

            // then it is the same node with the same key
            assertThat(after.get("id")).isEqualTo(before.get("id"));
            assertThat(after.get("keyId")).isEqualTo(before.get("keyId"));
            assertThat(after.get("publicKey")).isEqualTo(before.get("publicKey"));
            assertThat(after.get("keys")).hasSize(1);

            // and its kept private key still signs for that public key
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            String signature = ForwardingSignatures.sign(
                    second.getBean(NodeSigningKeys.class)
                            .privateKey(after.get("keyId").asString())
                            .orElseThrow(),
                    "id",
                    "1",
                    body);
            PublicKey pinned = ForwardingSignatures.publicKey(
                            after.get("publicKey").asString())
                    .orElseThrow();
            assertThat(ForwardingSignatures.verifies(signature, "id", "1", body, List.of(pinned)))
                    .isTrue();
            String sealed = second.getBean(JdbcTemplate.class)
                    .queryForObject("select private_key_sealed from node_signing_key", String.class);
            assertThat(sealed).doesNotStartWith("MC4CAQAwBQYDK2Vw"); // the plaintext PKCS#8 prefix of an ed25519 key
        }
    }
}
