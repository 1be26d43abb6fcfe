package dev.orchwiz.api.forwarding.query;

import dev.orchwiz.api.forwarding.PeerRedaction;
import java.util.List;

/** What an outbox needs of its peer; a reset is pending while {@code resetCount} is above what the outbox applied. */
public record PeerTarget(
        String peerId,
        String url,
        String nodeId,
        List<String> eventTypes,
        PeerRedaction redaction,
        boolean paused,
        int resetCount,
        long resetPosition) {}
