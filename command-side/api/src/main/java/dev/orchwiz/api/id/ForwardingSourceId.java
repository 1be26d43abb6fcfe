package dev.orchwiz.api.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies a trusted forwarding source (an origin node); a UUID whose {@code toString()} is the raw value. */
public record ForwardingSourceId(UUID value) implements UuidId {

    public ForwardingSourceId {
        Objects.requireNonNull(value, "value");
    }

    public static ForwardingSourceId random() {
        return new ForwardingSourceId(UUID.randomUUID());
    }

    @JsonCreator
    public static ForwardingSourceId of(String value) {
        return new ForwardingSourceId(UUID.fromString(value));
    }

    /** Parses untrusted text (a path segment), answering empty for anything that is not a UUID. */
    public static Optional<ForwardingSourceId> parse(String value) {
        return UuidId.parse(value, ForwardingSourceId::new);
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
