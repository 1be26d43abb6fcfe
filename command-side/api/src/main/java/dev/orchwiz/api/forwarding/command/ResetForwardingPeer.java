package dev.orchwiz.api.forwarding.command;

import dev.orchwiz.api.id.ForwardingPeerId;
import dev.orchwiz.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sends again from {@code position}: the global index of the first event to forward (0 replays all history). */
public record ResetForwardingPeer(@TargetAggregateIdentifier ForwardingPeerId peerId, Actor actor, long position) {}
