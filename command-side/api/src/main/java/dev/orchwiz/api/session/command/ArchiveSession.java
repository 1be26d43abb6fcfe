package dev.orchwiz.api.session.command;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.session.SessionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ArchiveSession(@TargetAggregateIdentifier SessionId sessionId, Actor actor, Long expectedVersion) {}
