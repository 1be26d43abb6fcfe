package dev.orchwiz.command.forwarding.inbound;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One event as an origin forwarded it; {@code seq} is its position in the origin's store (absent in the original
 * OrchWiz's single-event format, which has none).
 */
record ForwardedEvent(
        String eventId,
        Long seq,
        String type,
        String aggregateType,
        String aggregateId,
        Instant occurredAt,
        JsonNode payload) {}
