package dev.orchwiz.api.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies a subagent; a UUID whose {@code toString()} is the raw value. */
public record SubagentId(UUID value) implements UuidId {

    public SubagentId {
        Objects.requireNonNull(value, "value");
    }

    public static SubagentId random() {
        return new SubagentId(UUID.randomUUID());
    }

    @JsonCreator
    public static SubagentId of(String value) {
        return new SubagentId(UUID.fromString(value));
    }

    /** Parses untrusted text (a path segment), answering empty for anything that is not a UUID. */
    public static Optional<SubagentId> parse(String value) {
        return UuidId.parse(value, SubagentId::new);
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
