package dev.orchwiz.api.identity.command;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.identity.SignupPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeSignupPolicy(@TargetAggregateIdentifier String nodeId, Actor actor, SignupPolicy policy) {}
