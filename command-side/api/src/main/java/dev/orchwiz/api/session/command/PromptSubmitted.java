package dev.orchwiz.api.session.command;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.session.SessionMode;
import java.util.Map;

/**
 * What a submitted prompt answers: the session's version after it, and what a run of the prompt needs from the
 * session (its runtime and model, if chosen, and its metadata, which may set {@code traceSampleRate}).
 */
public record PromptSubmitted(
        SessionId sessionId,
        long version,
        UserId ownerId,
        SessionMode mode,
        String runtime,
        String model,
        Map<String, Object> metadata) {

    public PromptSubmitted {
        metadata = metadata == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    }
}
