package dev.orchwiz.api.subagent;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies a subagent; a UUID whose {@code toString()} is the raw value. */
public record SubagentId(UUID value) {

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
        try {
            return Optional.of(of(value));
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            return Optional.empty();
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
