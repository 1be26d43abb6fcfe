package dev.orchwiz.query.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchwiz.NodeClient;
import dev.orchwiz.api.forwarding.ForwardingSignatures;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Requests as an origin node sends them: batches signed with its key, and the original OrchWiz's single events. */
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
