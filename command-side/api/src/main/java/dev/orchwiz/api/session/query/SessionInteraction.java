package dev.orchwiz.api.session.query;

import dev.orchwiz.api.session.InteractionType;
import java.time.Instant;
import java.util.Map;

/** A timeline entry; {@code sequence} is the session event sequence that recorded it. */
public record SessionInteraction(
        String id,
        long sequence,
        InteractionType type,
        String content,
        Map<String, Object> metadata,
        String by,
        Instant at) {}
