package dev.orchwiz.api.identity.command;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SignOutEverywhere(@TargetAggregateIdentifier UserId userId, Actor actor) {}
