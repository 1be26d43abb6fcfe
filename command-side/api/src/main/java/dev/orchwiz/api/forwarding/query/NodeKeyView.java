package dev.orchwiz.api.forwarding.query;

import java.time.Instant;

/** {@code status}: current, retiring (verifies until {@code validUntil}) or revoked. */
public record NodeKeyView(
        String keyId, String publicKey, String status, Instant createdAt, Instant validUntil, Instant revokedAt) {}
