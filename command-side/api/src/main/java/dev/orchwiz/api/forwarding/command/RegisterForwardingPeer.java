package dev.orchwiz.api.forwarding.command;

import dev.orchwiz.api.forwarding.PeerRedaction;
import dev.orchwiz.api.id.ForwardingPeerId;
import dev.orchwiz.api.identity.Actor;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * {@code url} is the peer's base URL (its {@code /api/forwarding/events} is where batches go); {@code publicKey} the
 * peer's raw ed25519 public key in base64, pinned for the signed pull; {@code eventTypes} empty forwards every type.
 */
public record RegisterForwardingPeer(
        @TargetAggregateIdentifier ForwardingPeerId peerId,
        Actor actor,
        String url,
        String nodeId,
        String publicKey,
        List<String> eventTypes,
        PeerRedaction redaction) {}
