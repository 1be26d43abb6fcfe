package dev.orchwiz.api.identity.command;

import dev.orchwiz.api.id.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record LinkGitHub(@TargetAggregateIdentifier UserId userId, String login, long githubUserId) {}
