package dev.orchwiz.api.slashcommand;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies a slash command; a UUID whose {@code toString()} is the raw value, as Axon stores it. */
public record SlashCommandId(UUID value) {

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
