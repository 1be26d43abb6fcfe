package dev.orchwiz.api.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies an agent run; a UUID whose {@code toString()} is the raw value. */
public record RunId(UUID value) implements UuidId {

    public RunId {
        Objects.requireNonNull(value, "value");
    }

    public static RunId random() {
        return new RunId(UUID.randomUUID());
    }

    @JsonCreator
    public static RunId of(String value) {
        return new RunId(UUID.fromString(value));
    }

    /** Parses untrusted text (a path segment), answering empty for anything that is not a UUID. */
    public static Optional<RunId> parse(String value) {
        return UuidId.parse(value, RunId::new);
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
