package dev.orchwiz.api.identity.command;

import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UnlinkGitHub(@TargetAggregateIdentifier UserId userId, Actor actor) {}
