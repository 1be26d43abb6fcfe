package dev.orchwiz.api.session.command;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ArchiveSession(@TargetAggregateIdentifier SessionId sessionId, Actor actor, Long expectedVersion) {}
