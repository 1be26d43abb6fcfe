package dev.orchwiz.api.forwarding.command;

import dev.orchwiz.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokeNodeKey(@TargetAggregateIdentifier String keysId, Actor actor, String keyId) {}
