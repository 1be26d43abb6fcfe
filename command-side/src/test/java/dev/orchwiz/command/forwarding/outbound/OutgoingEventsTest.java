package dev.orchwiz.command.forwarding.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchwiz.api.forwarding.PeerRedaction;
import dev.orchwiz.api.forwarding.SourceKind;
import dev.orchwiz.api.forwarding.event.ForwardingSourceRegistered;
import dev.orchwiz.api.id.ForwardingSourceId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.command.redaction.OutputRedaction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class OutgoingEventsTest {

    /** An event shape with every kind of field a policy treats differently. */
    record ThingHappened(String thingId, String title, String status, int count, Map<String, String> details) {}

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    private final OutgoingEvents outgoing = new OutgoingEvents(
            serializer,
            JsonMapper.builder().build(),
            new OutputRedaction(Map.of("OPENAI_API_KEY", "node-secret-value")));

    private static GenericDomainEventMessage<Object> message(Object payload) {
        return new GenericDomainEventMessage<>(
                "Thing", "thing-1", 3, payload, Map.of(), "event-1", Instant.parse("2026-12-01T10:00:00Z"));
    }

    private static ThingHappened thing() {
        return new ThingHappened(
                "thing-1",
                "uses sk-ant-abcdefghijklmnopqrstuvwxyz and node-secret-value",
                "active",
                7,
                Map.of("note", "Bearer abcdefghijkl"));
    }

    /** An event as the store hands it out: the payload still the bytes it was stored as, deserialized on demand. */
    private GenericDomainEventMessage<Object> stored(Class<?> type, String payloadJson) {
        SerializedMessage<Object> serialized = new SerializedMessage<>(
                "event-1",
                new SimpleSerializedObject<>(
                        payloadJson.getBytes(StandardCharsets.UTF_8), byte[].class, type.getName(), null),
                serializer.serialize(MetaData.emptyInstance(), byte[].class),
                serializer);
        return new GenericDomainEventMessage<>(
                "Thing", "thing-1", 3, serialized, () -> Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Test
    void anEventFromTheStoreLeavesAsItWouldAfterDeserializingAndSerializingItAgain() {
        String json = new String(serializer.serialize(thing(), byte[].class).getData(), StandardCharsets.UTF_8);

        for (PeerRedaction policy : PeerRedaction.values()) {
            assertThat(outgoing.event(stored(ThingHappened.class, json), 1, policy))
                    .as(policy.name())
                    .isEqualTo(outgoing.event(message(thing()), 1, policy));
        }
    }

    @Test
    void aStoredFieldTheRecordNoLongerHasDoesNotLeave() {
        String json = "{\"thingId\":\"thing-1\",\"title\":\"t\",\"status\":\"active\",\"count\":7,"
                + "\"details\":{},\"oldToken\":\"abcdefgh\"}";

        ObjectNode payload = (ObjectNode) outgoing.event(stored(ThingHappened.class, json), 1, PeerRedaction.FULL)
                .get("payload");

        assertThat(payload.propertyNames()).containsExactlyInAnyOrder("thingId", "title", "status", "count", "details");
    }

    @Test
    void aStoredCredentialNeverLeavesWhateverThePolicy() {
        ForwardingSourceRegistered registered = new ForwardingSourceRegistered(
                ForwardingSourceId.random(), "node-b", "Node B", SourceKind.API_KEY, "hash-of-key", UserId.of("root"));
        String json = new String(serializer.serialize(registered, byte[].class).getData(), StandardCharsets.UTF_8);
        assertThat(json).contains("hash-of-key");

        for (PeerRedaction policy : PeerRedaction.values()) {
            assertThat(outgoing.event(stored(ForwardingSourceRegistered.class, json), 1, policy)
                            .toString())
                    .as(policy.name())
                    .doesNotContain("hash-of-key");
        }
    }

    @Test
    void carriesTheEnvelopeAPeerFoldsBy() {
        ObjectNode event = outgoing.event(message(thing()), 42, PeerRedaction.FULL);

        assertThat(event.get("eventId").asString()).isEqualTo("event-1");
        assertThat(event.get("seq").asLong()).isEqualTo(42);
        assertThat(event.get("type").asString()).isEqualTo("ThingHappened");
        assertThat(event.get("aggregateType").asString()).isEqualTo("Thing");
        assertThat(event.get("aggregateId").asString()).isEqualTo("thing-1");
        assertThat(event.get("aggregateSeq").asLong()).isEqualTo(3);
        assertThat(event.get("occurredAt").asString()).isEqualTo("2026-12-01T10:00:00Z");
    }

    @Test
    void namesTheRootAndTheCauseFromTheMetadataAsStoredKeepingOnlyShortTexts() {
        // given metadata as the store holds it: the two ids among other keys, a nested value, and texts that stay out
        String metadata = "{\"ownerId\":\"u-1\",\"nested\":{\"traceId\":\"not-this\"},\"traceId\":\"root-1\","
                + "\"correlationId\":\"cause-1\",\"list\":[1,{\"a\":2}]}";
        SerializedMessage<Object> serialized = new SerializedMessage<>(
                "event-1",
                serializer.serialize(thing(), byte[].class),
                new SimpleSerializedObject<>(
                        metadata.getBytes(StandardCharsets.UTF_8), byte[].class, MetaData.class.getName(), null),
                serializer);
        GenericDomainEventMessage<Object> stored = new GenericDomainEventMessage<>(
                "Thing", "thing-1", 3, serialized, () -> Instant.parse("2026-12-01T10:00:00Z"));

        // then both are sent under the envelope's names, as the metadata deserialized would give them
        ObjectNode event = outgoing.event(stored, 1, PeerRedaction.NONE);
        assertThat(event.get("correlationId").asString()).isEqualTo("root-1");
        assertThat(event.get("causationId").asString()).isEqualTo("cause-1");
        assertThat(event)
                .isEqualTo(outgoing.event(
                        new GenericDomainEventMessage<>(
                                "Thing",
                                "thing-1",
                                3,
                                thing(),
                                Map.of("ownerId", "u-1", "traceId", "root-1", "correlationId", "cause-1"),
                                "event-1",
                                Instant.parse("2026-12-01T10:00:00Z")),
                        1,
                        PeerRedaction.NONE));

        // and a blank, an over-long or a non-text id is left out
        ObjectNode without = outgoing.event(
                new GenericDomainEventMessage<>(
                        "Thing",
                        "thing-1",
                        3,
                        thing(),
                        Map.of("traceId", " ", "correlationId", "x".repeat(201), "other", 5),
                        "event-1",
                        Instant.parse("2026-12-01T10:00:00Z")),
                1,
                PeerRedaction.NONE);
        assertThat(without.has("correlationId")).isFalse();
        assertThat(without.has("causationId")).isFalse();
        assertThat(outgoing.event(
                                new GenericDomainEventMessage<>(
                                        "Thing",
                                        "thing-1",
                                        3,
                                        thing(),
                                        Map.of("traceId", 7),
                                        "event-1",
                                        Instant.parse("2026-12-01T10:00:00Z")),
                                1,
                                PeerRedaction.NONE)
                        .has("correlationId"))
                .isFalse();
    }

    @Test
    void fullSendsThePayloadWithSecretsMaskedAtAnyDepth() {
        ObjectNode payload = (ObjectNode)
                outgoing.event(message(thing()), 1, PeerRedaction.FULL).get("payload");

        assertThat(payload.get("title").asString())
                .doesNotContain("sk-ant-abcdefghijklmnopqrstuvwxyz")
                .doesNotContain("node-secret-value")
                .contains("[REDACTED]");
        assertThat(payload.get("details").get("note").asString()).doesNotContain("abcdefghijkl");
        assertThat(payload.get("count").asInt()).isEqualTo(7);
    }

    @Test
    void credentialFieldsNeverLeaveWhateverThePolicy() {
        ForwardingSourceRegistered registered = new ForwardingSourceRegistered(
                ForwardingSourceId.random(), "node-b", "Node B", SourceKind.API_KEY, "hash-of-key", UserId.of("root"));

        ObjectNode payload = (ObjectNode)
                outgoing.event(message(registered), 1, PeerRedaction.FULL).get("payload");

        assertThat(payload.has("credential")).isFalse();
        assertThat(payload.get("nodeId").asString()).isEqualTo("node-b");
    }

    @Test
    void metadataKeepsIdsStatesAndNumbersButNoFreeText() {
        ObjectNode payload = (ObjectNode)
                outgoing.event(message(thing()), 1, PeerRedaction.METADATA).get("payload");

        assertThat(payload.propertyNames()).containsExactlyInAnyOrder("thingId", "status", "count");
    }

    @Test
    void noneSendsOnlyTheEnvelope() {
        ObjectNode event = outgoing.event(message(thing()), 1, PeerRedaction.NONE);

        assertThat(event.get("payload").isEmpty()).isTrue();
        assertThat(event.get("type").asString()).isEqualTo("ThingHappened");
    }

    @Test
    void aPeerGetsTheTypesItNamedOrPrefixedOrEveryTypeWhenItNamedNone() {
        assertThat(OutgoingEvents.wanted("SessionStarted", List.of())).isTrue();
        assertThat(OutgoingEvents.wanted("SessionStarted", List.of("Session*"))).isTrue();
        assertThat(OutgoingEvents.wanted("SessionStarted", List.of("SessionStarted")))
                .isTrue();
        assertThat(OutgoingEvents.wanted("SessionStarted", List.of("Session"))).isFalse();
        assertThat(OutgoingEvents.wanted("ToolCallRequested", List.of("Session*", "Run*")))
                .isFalse();
        assertThat(OutgoingEvents.wanted("ToolCallRequested", List.of("*"))).isTrue();
    }
}
