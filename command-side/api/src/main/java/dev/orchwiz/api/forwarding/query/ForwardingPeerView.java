package dev.orchwiz.api.forwarding.query;

import dev.orchwiz.api.forwarding.PeerRedaction;
import java.time.Instant;
import java.util.List;

/**
 * A peer and how its outbox stands. {@code position} is the global index of the last event handled (sent, filtered
 * out or dead-lettered), null before the first; {@code lag} the events in this node's store after it; the last error
 * is the peer's answer or the network failure, never a header or body this node sent.
 */
public record ForwardingPeerView(
        String id,
        String url,
        String nodeId,
        String publicKey,
        List<String> eventTypes,
        PeerRedaction redaction,
        boolean paused,
        Instant createdAt,
        Long position,
        long lag,
        long sentEvents,
        Instant lastSuccessAt,
        Instant lastErrorAt,
        String lastError,
        Integer lastStatus,
        long deadLetters,
        long version) {}
