package dev.orchwiz.api.identity.command;

import dev.orchwiz.api.id.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordPasskeyAdded(@TargetAggregateIdentifier UserId userId, String credentialId, String label) {}
