package dev.orchwiz.api.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies a forwarding peer (a node this one sends its events to); a UUID whose {@code toString()} is the raw value. */
public record ForwardingPeerId(UUID value) implements UuidId {

    public ForwardingPeerId {
        Objects.requireNonNull(value, "value");
    }

    public static ForwardingPeerId random() {
        return new ForwardingPeerId(UUID.randomUUID());
    }

    @JsonCreator
    public static ForwardingPeerId of(String value) {
        return new ForwardingPeerId(UUID.fromString(value));
    }

    /** Parses untrusted text (a path segment), answering empty for anything that is not a UUID. */
    public static Optional<ForwardingPeerId> parse(String value) {
        return UuidId.parse(value, ForwardingPeerId::new);
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
