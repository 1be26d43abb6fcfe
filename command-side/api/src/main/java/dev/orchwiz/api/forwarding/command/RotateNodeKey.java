package dev.orchwiz.api.forwarding.command;

import dev.orchwiz.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RotateNodeKey(@TargetAggregateIdentifier String keysId, Actor actor) {}
