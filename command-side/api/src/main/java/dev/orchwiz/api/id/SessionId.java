package dev.orchwiz.api.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies a session; a UUID whose {@code toString()} is the raw value, as Axon stores it. */
public record SessionId(UUID value) implements UuidId {

    public SessionId {
        Objects.requireNonNull(value, "value");
    }

    public static SessionId random() {
        return new SessionId(UUID.randomUUID());
    }

    @JsonCreator
    public static SessionId of(String value) {
        return new SessionId(UUID.fromString(value));
    }

    /** Parses untrusted text (a path segment), answering empty for anything that is not a UUID. */
    public static Optional<SessionId> parse(String value) {
        return UuidId.parse(value, SessionId::new);
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
