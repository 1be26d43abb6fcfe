package dev.orchwiz.api.forwarding.command;

import dev.orchwiz.api.id.ForwardingSourceId;
import dev.orchwiz.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DisableForwardingSource(
        @TargetAggregateIdentifier ForwardingSourceId sourceId, Actor actor) {}
