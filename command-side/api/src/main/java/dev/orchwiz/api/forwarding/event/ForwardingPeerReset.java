package dev.orchwiz.api.forwarding.event;

import dev.orchwiz.api.id.ForwardingPeerId;
import dev.orchwiz.api.id.UserId;

/** The peer's outbox starts again at global index {@code position}; {@code resetCount} counts the peer's resets. */
public record ForwardingPeerReset(ForwardingPeerId peerId, long position, int resetCount, UserId by) {}
