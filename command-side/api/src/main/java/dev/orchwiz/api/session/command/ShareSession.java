package dev.orchwiz.api.session.command;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner lets every signed-in user read the session (never change it), or takes that back. */
public record ShareSession(
        @TargetAggregateIdentifier SessionId sessionId, Actor actor, Long expectedVersion, boolean shared) {}
