package dev.orchwiz.api.session.command;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Starts {@code forkId} as a child of the target session, copying its settings; {@code title} may override. */
public record ForkSession(
        @TargetAggregateIdentifier SessionId sessionId, SessionId forkId, Actor actor, String title) {}
