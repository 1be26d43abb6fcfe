package dev.orchwiz.api.forwarding.event;

import dev.orchwiz.api.id.ForwardingSourceId;
import dev.orchwiz.api.id.UserId;
import java.time.Instant;

/** The source's pinned public key is now {@code publicKey}; the one before verifies until {@code previousValidUntil}. */
public record ForwardingSourceRepinned(
        ForwardingSourceId sourceId, String publicKey, Instant previousValidUntil, UserId by) {}
