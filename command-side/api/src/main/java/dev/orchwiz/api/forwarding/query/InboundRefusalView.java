package dev.orchwiz.api.forwarding.query;

import java.time.Instant;

/**
 * Refusals of forwarded requests naming one origin (as claimed: a refused request proved nothing) since this node
 * started; {@code (other)} gathers origins past the first 1,000 named, {@code (unnamed)} requests that named none.
 */
public record InboundRefusalView(String origin, long refused, String lastCode, Instant lastRefusedAt) {}
