package dev.orchwiz.api.identity.command;

import dev.orchwiz.api.id.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The node's first admin exists: no more setup claims. */
public record CompleteSetup(@TargetAggregateIdentifier String nodeId, UserId admin, String email) {}
