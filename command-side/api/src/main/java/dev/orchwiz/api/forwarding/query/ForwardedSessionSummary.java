package dev.orchwiz.api.forwarding.query;

import java.time.Instant;

/** One remote session folded from every event forwarded about it. */
public record ForwardedSessionSummary(
        String sourceNodeId,
        String sessionId,
        String title,
        String status,
        long eventCount,
        Instant firstEventAt,
        Instant lastEventAt,
        String lastEventType) {}
