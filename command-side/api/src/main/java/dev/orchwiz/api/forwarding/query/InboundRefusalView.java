package dev.orchwiz.api.forwarding.query;

import java.time.Instant;

/**
 * Refusals of forwarded requests naming one origin (as claimed: a refused request proved nothing) on one endpoint
 * since this node started: {@code push} for batches sent to {@code POST /api/forwarding/events}, {@code pull} for a
 * peer's {@code GET /api/forwarding/events} (its origin is the requesting node). {@code (other)} gathers origins past
 * the first 1,000 named, {@code (unnamed)} requests that named none.
 */
public record InboundRefusalView(
        String origin, String endpoint, long refused, String lastCode, Instant lastRefusedAt) {}
