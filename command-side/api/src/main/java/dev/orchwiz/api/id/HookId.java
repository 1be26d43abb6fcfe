package dev.orchwiz.api.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies a hook; a UUID whose {@code toString()} is the raw value. */
public record HookId(UUID value) implements UuidId {

    public HookId {
        Objects.requireNonNull(value, "value");
    }

    public static HookId random() {
        return new HookId(UUID.randomUUID());
    }

    @JsonCreator
    public static HookId of(String value) {
        return new HookId(UUID.fromString(value));
    }

    /** Parses untrusted text (a path segment), answering empty for anything that is not a UUID. */
    public static Optional<HookId> parse(String value) {
        return UuidId.parse(value, HookId::new);
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
