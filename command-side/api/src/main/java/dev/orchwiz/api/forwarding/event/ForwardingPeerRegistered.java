package dev.orchwiz.api.forwarding.event;

import dev.orchwiz.api.forwarding.PeerRedaction;
import dev.orchwiz.api.id.ForwardingPeerId;
import dev.orchwiz.api.id.UserId;
import java.util.List;

/** A peer's public key is public: it is what the peer itself publishes at {@code /api/nodes/self}. */
public record ForwardingPeerRegistered(
        ForwardingPeerId peerId,
        String url,
        String nodeId,
        String publicKey,
        List<String> eventTypes,
        PeerRedaction redaction,
        UserId by) {}
