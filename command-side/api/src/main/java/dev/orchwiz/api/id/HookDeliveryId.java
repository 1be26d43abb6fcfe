package dev.orchwiz.api.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies one delivery of one event to one webhook, across all its attempts. */
public record HookDeliveryId(UUID value) implements UuidId {

    public HookDeliveryId {
        Objects.requireNonNull(value, "value");
    }

    public static HookDeliveryId random() {
        return new HookDeliveryId(UUID.randomUUID());
    }

    @JsonCreator
    public static HookDeliveryId of(String value) {
        return new HookDeliveryId(UUID.fromString(value));
    }

    /** Parses untrusted text (a path segment), answering empty for anything that is not a UUID. */
    public static Optional<HookDeliveryId> parse(String value) {
        return UuidId.parse(value, HookDeliveryId::new);
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
