package dev.orchwiz.command.forwarding.outbound;

import dev.orchwiz.api.Credential;
import dev.orchwiz.api.CredentialFields;
import dev.orchwiz.api.forwarding.PeerRedaction;
import dev.orchwiz.command.redaction.OutputRedaction;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one of this node's events into the JSON a peer receives ({@code eventId, seq, aggregateType, aggregateId,
 * aggregateSeq, type, occurredAt, correlationId, causationId, payload}), with the payload cut to the peer's
 * redaction policy. Whatever the policy, fields marked {@link Credential} are dropped and every string goes through
 * the node's secret masking, so secrets never leave.
 */
@Component
class OutgoingEvents {

    /** Under {@code metadata}, a text field leaves only when its name says it is an id or a state. */
    private static final Set<String> STATE_FIELDS =
            Set.of("status", "state", "kind", "outcome", "decision", "mode", "role", "scope", "reason", "runtime");

    private static final Set<String> CORRELATION_KEYS = Set.of("traceId", "correlationId");

    private final Serializer serializer;
    private final ObjectMapper json;
    private final OutputRedaction secrets;

    OutgoingEvents(@Qualifier("eventSerializer") Serializer serializer, ObjectMapper json, OutputRedaction secrets) {
        this.serializer = serializer;
        this.json = json;
        this.secrets = secrets;
    }

    /** The event's type as peers filter and fold by it: the payload class's simple name. */
    static String type(EventMessage<?> message) {
        return message.getPayloadType().getSimpleName();
    }

    /** Whether a peer that asked for {@code eventTypes} (names, or prefixes ending in *) wants this type. */
    static boolean wanted(String type, List<String> eventTypes) {
        if (eventTypes.isEmpty()) {
            return true;
        }
        for (String wanted : eventTypes) {
            boolean matches = wanted.endsWith("*")
                    ? type.startsWith(wanted.substring(0, wanted.length() - 1))
                    : type.equals(wanted);
            if (matches) {
                return true;
            }
        }
        return false;
    }

    ObjectNode event(EventMessage<?> message, long seq, PeerRedaction redaction) {
        ObjectNode event = json.createObjectNode();
        event.put("eventId", message.getIdentifier());
        event.put("seq", seq);
        if (message instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
            if (domain.getType() != null) {
                event.put("aggregateType", domain.getType());
            }
            event.put("aggregateId", domain.getAggregateIdentifier());
            event.put("aggregateSeq", domain.getSequenceNumber());
        }
        event.put("type", type(message));
        event.put("occurredAt", message.getTimestamp().toString());
        // Axon's names: traceId is the root message, correlationId the message that caused this one.
        Map<String, String> correlation = correlation(message);
        String root = correlation.get("traceId");
        String cause = correlation.get("correlationId");
        if (root != null) {
            event.put("correlationId", root);
        }
        if (cause != null) {
            event.put("causationId", cause);
        }
        event.set("payload", payload(message, redaction));
        return event;
    }

    private ObjectNode payload(EventMessage<?> message, PeerRedaction redaction) {
        if (redaction == PeerRedaction.NONE) {
            return json.createObjectNode();
        }
        Class<?> type = message.getPayloadType();
        JsonNode tree = json.readTree(serialized(message, type));
        if (!(tree instanceof ObjectNode payload)) {
            return json.createObjectNode();
        }
        if (asStored(type)) {
            // What serializing the record again would write: its components, not what an older shape stored.
            payload.retain(RecordFields.of(type));
        }
        payload.remove(CredentialFields.of(type));
        return redaction == PeerRedaction.METADATA ? metadataOnly(payload) : (ObjectNode) masked(payload);
    }

    /**
     * The payload's JSON. An event read from the store still holds the bytes it was stored as, written by this same
     * serializer from the same record: those are sent (cut to the record's components) instead of deserializing the
     * payload and serializing it again, which cost more than the rest of an event's trip. A payload with
     * {@link Credential} fields always takes the long way, so that a field stored under an older name still lands in
     * the component it is read into, and is dropped with it.
     */
    private byte[] serialized(EventMessage<?> message, Class<?> type) {
        if (asStored(type)) {
            return message.serializePayload(serializer, byte[].class).getData();
        }
        return serializer.serialize(message.getPayload(), byte[].class).getData();
    }

    private static boolean asStored(Class<?> type) {
        return type.isRecord() && CredentialFields.of(type).isEmpty();
    }

    /** A record's component names, the fields its JSON has; kept per type like {@link CredentialFields}. */
    private static final class RecordFields {
        private static final Map<Class<?>, Set<String>> KNOWN = new ConcurrentHashMap<>();

        private RecordFields() {}

        static Set<String> of(Class<?> type) {
            return KNOWN.computeIfAbsent(type, record -> Arrays.stream(record.getRecordComponents())
                    .map(RecordComponent::getName)
                    .collect(Collectors.toUnmodifiableSet()));
        }
    }

    private JsonNode masked(JsonNode node) {
        if (node.isString()) {
            return json.getNodeFactory().stringNode(secrets.redact(node.stringValue()));
        }
        if (node instanceof ObjectNode object) {
            for (String field : new ArrayList<>(object.propertyNames())) {
                object.set(field, masked(object.get(field)));
            }
            return object;
        }
        if (node.isArray()) {
            tools.jackson.databind.node.ArrayNode array = (tools.jackson.databind.node.ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, masked(array.get(i)));
            }
        }
        return node;
    }

    private ObjectNode metadataOnly(ObjectNode payload) {
        ObjectNode kept = json.createObjectNode();
        for (String field : payload.propertyNames()) {
            JsonNode value = payload.get(field);
            boolean scalar = value.isNumber() || value.isBoolean() || value.isNull();
            boolean named = value.isString() && (field.endsWith("Id") || STATE_FIELDS.contains(field));
            if (scalar || named) {
                kept.set(field, masked(value));
            }
        }
        return kept;
    }

    /**
     * The message's {@code traceId} and {@code correlationId}, when they are one-line texts of at most 200 characters.
     * They are read from the metadata's JSON as stored (the top-level text fields), not from the metadata
     * deserialized: building a {@code MetaData} for every event sent cost as much as cutting its payload.
     */
    private Map<String, String> correlation(EventMessage<?> message) {
        byte[] stored = message.serializeMetaData(serializer, byte[].class).getData();
        Map<String, String> found = new HashMap<>(4);
        try (JsonParser parser = json.createParser(stored)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return found;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING && CORRELATION_KEYS.contains(name)) {
                    String text = parser.getString();
                    if (!text.isBlank() && text.length() <= 200) {
                        found.put(name, text);
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        return found;
    }
}
