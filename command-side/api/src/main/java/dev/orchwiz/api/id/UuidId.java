package dev.orchwiz.api.id;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A typed identifier over a UUID: every context's id is one, so that a path segment or a body field is parsed once, the
 * same way, and one id cannot be passed where another is meant.
 */
public interface UuidId {

    UUID value();

    /** Parses untrusted text into {@code make}'s id, answering empty for anything that is not a UUID (never throws). */
    static <T extends UuidId> Optional<T> parse(String text, Function<UUID, T> make) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(make.apply(UUID.fromString(text)));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
