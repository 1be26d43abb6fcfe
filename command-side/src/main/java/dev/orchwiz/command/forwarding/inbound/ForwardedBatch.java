package dev.orchwiz.command.forwarding.inbound;

import dev.orchwiz.api.forwarding.ForwardingError;
import dev.orchwiz.api.text.TextRules;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a batch body ({@code {"type":"orchwiz.events.batch","data":{"origin","fromSeq","toSeq","events":[…]}}}, the
 * shape of field-anchors §7.5). Only a body whose signature was verified gets here, but it is checked all the same:
 * a peer with a bug must not write half a batch.
 */
final class ForwardedBatch {

    private static final int MAX_TEXT = 200;

    private ForwardedBatch() {}

    /**
     * A batch's events and the part of the origin's sequence it covers: {@code data.fromSeq..data.toSeq} when the
     * origin says (positions in it without an event were filtered out or unused), else the events' own positions.
     * Only a batch that names its range may carry no events: an answered pull of a range this node gets nothing of.
     */
    record Contents(List<ForwardedEvent> events, Long fromSeq, Long toSeq) {

        /** The lowest position the batch speaks for. */
        long lowest() {
            long lowestEvent =
                    events.stream().mapToLong(ForwardedEvent::seq).min().orElse(Long.MAX_VALUE);
            return fromSeq == null ? lowestEvent : Math.min(fromSeq, lowestEvent);
        }
    }

    static Contents read(ObjectMapper json, byte[] body, String origin, int maxEvents) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException notJson) {
            throw invalid("The body is not JSON");
        }
        JsonNode data = root == null ? null : root.get("data");
        if (data == null || !data.isObject()) {
            throw invalid("The body has no data object");
        }
        JsonNode bodyOrigin = data.get("origin");
        if (bodyOrigin == null
                || !bodyOrigin.isString()
                || !bodyOrigin.stringValue().equals(origin)) {
            throw invalid("data.origin is not the origin the request is signed for");
        }
        Long fromSeq = position(data, "fromSeq");
        Long toSeq = position(data, "toSeq");
        if ((fromSeq == null) != (toSeq == null) || (fromSeq != null && toSeq < fromSeq)) {
            throw invalid("data.fromSeq and data.toSeq come together, fromSeq <= toSeq");
        }
        JsonNode events = data.get("events");
        if (events == null || !events.isArray() || (events.isEmpty() && fromSeq == null)) {
            throw invalid("data.events must be a non-empty array (or empty with data.fromSeq and data.toSeq)");
        }
        if (events.size() > maxEvents) {
            throw new InboundRefusal(
                    ForwardingError.BATCH_TOO_LARGE,
                    "A batch carries at most " + maxEvents + " events; this one has " + events.size());
        }
        List<ForwardedEvent> read = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            ForwardedEvent event = event(events.get(i), "data.events[" + i + "]");
            if (fromSeq != null && (event.seq() < fromSeq || event.seq() > toSeq)) {
                throw invalid("data.events[" + i + "].seq is outside data.fromSeq..data.toSeq");
            }
            read.add(event);
        }
        return new Contents(read, fromSeq, toSeq);
    }

    private static Long position(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw invalid("data." + field + " must be a non-negative integer");
        }
        return value.longValue();
    }

    private static ForwardedEvent event(JsonNode event, String at) {
        if (event == null || !event.isObject()) {
            throw invalid(at + " is not an object");
        }
        JsonNode seq = event.get("seq");
        if (seq == null || !seq.isIntegralNumber() || !seq.canConvertToLong() || seq.longValue() < 0) {
            throw invalid(at + ".seq must be a non-negative integer");
        }
        JsonNode payload = event.get("payload");
        if (payload != null && !payload.isNull() && !payload.isObject()) {
            throw invalid(at + ".payload must be an object");
        }
        if (payload != null) {
            assertStorable(payload, at + ".payload");
        }
        return new ForwardedEvent(
                text(event, "eventId", at, true),
                seq.longValue(),
                text(event, "type", at, true),
                text(event, "aggregateType", at, false),
                text(event, "aggregateId", at, false),
                instant(text(event, "occurredAt", at, true), at + ".occurredAt"),
                payload == null || payload.isNull() ? json().objectNode() : payload);
    }

    private static tools.jackson.databind.node.JsonNodeFactory json() {
        return tools.jackson.databind.node.JsonNodeFactory.instance;
    }

    /**
     * Refuses a payload holding text PostgreSQL's jsonb cannot store (NUL, an unpaired UTF-16 surrogate), in a value or
     * a field name at any depth: the insert would fail after the batch was verified, as a 500. Other control
     * characters pass, unlike {@link TextRules#problem} for text typed here: a payload is another node's
     * stored event, whose tool output may hold them.
     */
    static void assertStorable(JsonNode payload, String at) {
        if (payload.isString()) {
            assertStorable(payload.stringValue(), at);
        } else if (payload.isObject()) {
            for (String field : payload.propertyNames()) {
                assertStorable(field, at);
                assertStorable(payload.get(field), at + "." + field);
            }
        } else if (payload.isArray()) {
            for (int i = 0; i < payload.size(); i++) {
                assertStorable(payload.get(i), at + "[" + i + "]");
            }
        }
    }

    private static void assertStorable(String text, String at) {
        TextRules.storageProblem(text).ifPresent(why -> {
            throw invalid(at + " " + why + ", which cannot be stored");
        });
    }

    static String text(JsonNode object, String field, String at, boolean required) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw invalid(at + "." + field + " is required");
            }
            return null;
        }
        if (!value.isString()
                || value.stringValue().isEmpty()
                || value.stringValue().length() > MAX_TEXT
                || value.stringValue().chars().anyMatch(Character::isISOControl)) {
            throw invalid(at + "." + field + " must be one line of 1 to " + MAX_TEXT + " characters");
        }
        return value.stringValue();
    }

    static Instant instant(String text, String at) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            throw invalid(at + " must be an ISO-8601 instant");
        }
    }

    static InboundRefusal invalid(String detail) {
        return new InboundRefusal(ForwardingError.INVALID_BATCH, detail);
    }
}
