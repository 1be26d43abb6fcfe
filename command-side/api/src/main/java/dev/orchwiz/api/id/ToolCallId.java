package dev.orchwiz.api.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies a tool call (and its run); a UUID whose {@code toString()} is the raw value. */
public record ToolCallId(UUID value) implements UuidId {

    public ToolCallId {
        Objects.requireNonNull(value, "value");
    }

    public static ToolCallId random() {
        return new ToolCallId(UUID.randomUUID());
    }

    @JsonCreator
    public static ToolCallId of(String value) {
        return new ToolCallId(UUID.fromString(value));
    }

    /** Parses untrusted text (a path segment), answering empty for anything that is not a UUID. */
    public static Optional<ToolCallId> parse(String value) {
        return UuidId.parse(value, ToolCallId::new);
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
