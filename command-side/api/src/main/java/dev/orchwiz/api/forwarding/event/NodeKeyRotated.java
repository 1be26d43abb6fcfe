package dev.orchwiz.api.forwarding.event;

import dev.orchwiz.api.id.UserId;
import java.time.Instant;

/** A new signing key; the previous one still verifies until {@code previousValidUntil}. */
public record NodeKeyRotated(
        String keysId,
        String nodeId,
        String keyId,
        String publicKey,
        String previousKeyId,
        Instant previousValidUntil,
        UserId by) {}
