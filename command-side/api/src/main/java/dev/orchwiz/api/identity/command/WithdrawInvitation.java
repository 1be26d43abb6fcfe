package dev.orchwiz.api.identity.command;

import dev.orchwiz.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record WithdrawInvitation(@TargetAggregateIdentifier String nodeId, Actor actor, String email) {}
