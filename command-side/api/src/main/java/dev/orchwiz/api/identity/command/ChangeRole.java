package dev.orchwiz.api.identity.command;

import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.identity.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeRole(@TargetAggregateIdentifier UserId userId, Actor actor, Role role, boolean granted) {}
