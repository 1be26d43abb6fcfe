package dev.orchwiz.api.session.command;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.session.SessionStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to move a session to another status; the aggregate decides whether the transition exists. */
public record MoveSession(
        @TargetAggregateIdentifier SessionId sessionId,
        Actor actor,
        Long expectedVersion,
        SessionStatus target,
        String reason) {}
