package dev.orchwiz.api.session.command;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.session.SessionMode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeSessionMode(
        @TargetAggregateIdentifier SessionId sessionId, Actor actor, Long expectedVersion, SessionMode mode) {}
