package dev.orchwiz.api.session.query;

import dev.orchwiz.api.session.InteractionType;
import java.time.Instant;
import java.util.Map;

/**
 * A timeline entry; {@code sequence} is the session event sequence that recorded it, {@code byName} the address of
 * whoever recorded it, looked up when read so a changed address shows.
 */
public record SessionInteraction(
        String id,
        long sequence,
        InteractionType type,
        String content,
        Map<String, Object> metadata,
        String by,
        String byName,
        Instant at) {}
