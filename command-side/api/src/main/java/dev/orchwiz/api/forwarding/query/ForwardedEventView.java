package dev.orchwiz.api.forwarding.query;

import java.time.Instant;
import java.util.Map;

/** One forwarded event as received: its origin, its position there ({@code seq}, absent in the original format). */
public record ForwardedEventView(
        String sourceNodeId,
        String eventId,
        Long seq,
        String type,
        String aggregateType,
        String aggregateId,
        Instant occurredAt,
        Instant receivedAt,
        Map<String, Object> payload) {}
