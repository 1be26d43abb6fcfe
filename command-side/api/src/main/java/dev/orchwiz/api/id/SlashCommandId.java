package dev.orchwiz.api.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies a slash command; a UUID whose {@code toString()} is the raw value, as Axon stores it. */
public record SlashCommandId(UUID value) implements UuidId {

    public SlashCommandId {
        Objects.requireNonNull(value, "value");
    }

    public static SlashCommandId random() {
        return new SlashCommandId(UUID.randomUUID());
    }

    @JsonCreator
    public static SlashCommandId of(String value) {
        return new SlashCommandId(UUID.fromString(value));
    }

    /** Parses untrusted text (a path segment), answering empty for anything that is not a UUID. */
    public static Optional<SlashCommandId> parse(String value) {
        return UuidId.parse(value, SlashCommandId::new);
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
