package dev.orchwiz.api.forwarding.event;

import dev.orchwiz.api.id.ForwardingPeerId;
import dev.orchwiz.api.id.UserId;

public record ForwardingPeerRemoved(ForwardingPeerId peerId, UserId by) {}
