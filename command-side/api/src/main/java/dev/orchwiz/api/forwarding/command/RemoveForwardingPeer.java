package dev.orchwiz.api.forwarding.command;

import dev.orchwiz.api.id.ForwardingPeerId;
import dev.orchwiz.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RemoveForwardingPeer(
        @TargetAggregateIdentifier ForwardingPeerId peerId, Actor actor) {}
