package dev.orchwiz.query.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchwiz.NodeClient;
import dev.orchwiz.api.forwarding.ForwardingSignatures;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Requests as another node sends them: batches signed with an origin's key, the original OrchWiz's single events, and
 * pulls signed with a peer's key.
 */
final class SignedBatches {

    private SignedBatches() {}

    /** Registers a fresh key pair as the pinned key of a source, through the admin API. */
    static KeyPair trust(NodeClient admin, String nodeId) {
        KeyPair pair = ForwardingSignatures.generate();
        NodeClient.Reply reply = admin.post(
                "/api/forwarding/sources",
                NodeClient.json(
                        Map.of("nodeId", nodeId, "publicKey", ForwardingSignatures.publicKeyText(pair.getPublic()))));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        return pair;
    }

    /**
     * Registers a peer whose pushes go nowhere (a closed port), through the admin API: what it gets from the node, it
     * gets by pulling.
     */
    static void registerSilentPeer(NodeClient admin, String nodeId, PublicKey key, String redaction) {
        NodeClient.Reply registered = admin.post(
                "/api/forwarding/peers",
                NodeClient.json(Map.of(
                        "url",
                        "http://127.0.0.1:" + closedPort(),
                        "nodeId",
                        nodeId,
                        "publicKey",
                        ForwardingSignatures.publicKeyText(key),
                        "redaction",
                        redaction)));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException noPort) {
            throw new IllegalStateException(noPort);
        }
    }

    /** A pull's headers as a peer sends them: signed over {@code GET <path>?<query>} with the peer's key. */
    static Map<String, String> signedPull(String requester, KeyPair key, String path, String query) {
        String id = "pull_" + UUID.randomUUID();
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        byte[] content = ("GET " + path + "?" + query).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>();
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", timestamp);
        headers.put("webhook-signature", ForwardingSignatures.sign(key.getPrivate(), id, timestamp, content));
        headers.put("orchwiz-origin", requester);
        return headers;
    }

    /** The forwarding endpoints' rate-limit refusal: 429, a problem with its code, and a sane {@code Retry-After}. */
    static void assertTooMany(NodeClient.Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(429);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.code()).isEqualTo("FORWARDING_RATE_LIMITED");
        assertThat(Long.parseLong(reply.header("Retry-After"))).isBetween(1L, 60L);
    }

    /** The node's count of refused forwarding requests on one endpoint ({@code push} or {@code pull}) with one code. */
    static double refusedCount(ConfigurableApplicationContext node, String endpoint, String code) {
        return node.getBean(MeterRegistry.class)
                .get("orchwiz.forwarding.inbound.refused")
                .tag("endpoint", endpoint)
                .tag("code", code)
                .counter()
                .count();
    }

    static Map<String, Object> event(String eventId, long seq, String type, String session, Map<String, ?> payload) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", eventId);
        event.put("seq", seq);
        event.put("aggregateType", "Session");
        event.put("aggregateId", session);
        event.put("type", type);
        event.put(
                "occurredAt",
                Instant.parse("2026-12-01T10:00:00Z").plusSeconds(seq).toString());
        event.put("payload", payload);
        return event;
    }

    static String batch(String origin, List<Map<String, Object>> events) {
        return NodeClient.json(Map.of(
                "type",
                "orchwiz.events.batch",
                "timestamp",
                Instant.now().toString(),
                "data",
                Map.of("origin", origin, "schema", 1, "events", events)));
    }

    /** A batch that names the range of the origin's sequence it covers, as an outbox and a served pull send it. */
    static String rangedBatch(String origin, long fromSeq, long toSeq, List<Map<String, Object>> events) {
        return NodeClient.json(Map.of(
                "type",
                "orchwiz.events.batch",
                "timestamp",
                Instant.now().toString(),
                "data",
                Map.of("origin", origin, "schema", 1, "fromSeq", fromSeq, "toSeq", toSeq, "events", events)));
    }

    static Map<String, String> signed(String origin, KeyPair key, String body, long timestamp) {
        String id = "fwd_" + origin + "_" + UUID.randomUUID();
        String seconds = Long.toString(timestamp);
        Map<String, String> headers = new HashMap<>();
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", seconds);
        headers.put(
                "webhook-signature",
                ForwardingSignatures.sign(key.getPrivate(), id, seconds, body.getBytes(StandardCharsets.UTF_8)));
        headers.put("orchwiz-origin", origin);
        return headers;
    }

    static Map<String, String> original(String nodeId, String apiKey, String body, long millis, String nonce) {
        String timestamp = Long.toString(millis);
        Map<String, String> headers = new HashMap<>();
        headers.put("x-orchwiz-source-node", nodeId);
        headers.put("x-orchwiz-api-key", apiKey);
        headers.put("x-orchwiz-timestamp", timestamp);
        headers.put("x-orchwiz-nonce", nonce);
        headers.put(
                "x-orchwiz-signature",
                ForwardingSignatures.hmacHex(apiKey, timestamp, nonce, body.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }
}
