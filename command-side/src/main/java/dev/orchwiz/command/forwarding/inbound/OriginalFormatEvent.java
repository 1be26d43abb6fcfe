package dev.orchwiz.command.forwarding.inbound;

import dev.orchwiz.api.forwarding.ForwardingSignatures;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the original OrchWiz's single forwarded event ({@code {eventType, dedupeKey?, occurredAt?, payload,
 * metadata?}}, contracts §5.13 step 8) into a forwarded event whose id is its dedupe key, computed the original's way
 * when absent so that both nodes name the same event alike.
 */
final class OriginalFormatEvent {

    static final Set<String> EVENT_TYPES = Set.of(
            "session",
            "task",
            "command_execution",
            "verification",
            "action",
            "deployment",
            "application",
            "bridge_station",
            "system_status");

    /** JavaScript's {@code Date.toISOString()}, which the original hashes. */
    private static final DateTimeFormatter JS_ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private OriginalFormatEvent() {}

    static ForwardedEvent read(ObjectMapper json, byte[] body, String nodeId, Instant now) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException notJson) {
            throw ForwardedBatch.invalid("The body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw ForwardedBatch.invalid("The body must be an object");
        }
        String eventType = ForwardedBatch.text(root, "eventType", "body", true);
        if (!EVENT_TYPES.contains(eventType)) {
            throw ForwardedBatch.invalid("eventType must be one of " + EVENT_TYPES);
        }
        JsonNode payload = root.get("payload");
        if (payload == null || !payload.isObject()) {
            throw ForwardedBatch.invalid("payload must be an object");
        }
        ForwardedBatch.assertStorable(payload, "payload");
        JsonNode metadata = root.get("metadata");
        if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
            throw ForwardedBatch.invalid("metadata must be an object");
        }
        Instant occurredAt = occurredAt(root.get("occurredAt"), now);
        String dedupeKey = dedupeKey(root.get("dedupeKey"));
        if (dedupeKey == null) {
            dedupeKey = ForwardingSignatures.sha256Hex(nodeId + ":" + eventType + ":" + JS_ISO.format(occurredAt) + ":"
                    + json.writeValueAsString(payload));
        }
        return new ForwardedEvent(dedupeKey, null, eventType, eventType, entityId(payload), occurredAt, payload);
    }

    private static String dedupeKey(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()
                || value.stringValue().length() < 8
                || value.stringValue().length() > 256
                || value.stringValue().chars().anyMatch(Character::isISOControl)) {
            throw ForwardedBatch.invalid("dedupeKey must be 8 to 256 characters");
        }
        return value.stringValue();
    }

    private static Instant occurredAt(JsonNode value, Instant now) {
        if (value == null || value.isNull()) {
            return now;
        }
        if (value.isIntegralNumber() && value.canConvertToLong() && value.longValue() >= 0) {
            return Instant.ofEpochMilli(value.longValue());
        }
        if (value.isString()) {
            return ForwardedBatch.instant(value.stringValue(), "occurredAt");
        }
        throw ForwardedBatch.invalid("occurredAt must be an ISO-8601 instant or epoch milliseconds");
    }

    /** The original's payloads name their entity {@code id} (or {@code sessionId} for a session's parts). */
    private static String entityId(JsonNode payload) {
        for (String field : new String[] {"id", "sessionId"}) {
            JsonNode value = payload.get(field);
            if (value != null
                    && value.isString()
                    && !value.stringValue().isBlank()
                    && value.stringValue().length() <= 200) {
                return value.stringValue();
            }
        }
        return null;
    }
}
