package dev.orchwiz.api.forwarding.query;

import java.time.Instant;

/** A batch the peer refused with a 4xx that retrying would not change; the batch itself stays on this node. */
public record PeerDeadLetterView(
        long id,
        String peerId,
        String webhookId,
        long fromSeq,
        long toSeq,
        int events,
        int status,
        String error,
        int attempts,
        Instant createdAt,
        Instant lastAttemptAt) {}
