package dev.orchwiz.api.forwarding.query;

import dev.orchwiz.api.forwarding.SourceKind;
import java.time.Instant;
import java.util.List;

/**
 * A trusted origin. {@code publicKey} is set for key sources (an api key is never shown); {@code highWaterMark} is the
 * origin sequence up to which every event arrived, {@code gaps} the ranges missing above it, {@code maxSeen} the
 * highest sequence received (so {@code maxSeen - highWaterMark} events wait above a gap).
 */
public record ForwardingSourceView(
        String id,
        String nodeId,
        String name,
        SourceKind kind,
        String publicKey,
        boolean enabled,
        Instant createdAt,
        Instant lastSeenAt,
        Long highWaterMark,
        List<SequenceGap> gaps,
        Long maxSeen,
        String pullUrl,
        long version) {}
