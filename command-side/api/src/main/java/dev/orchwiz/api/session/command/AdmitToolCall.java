package dev.orchwiz.api.session.command;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks a session, not its read model, whether a tool call of this actor may go in it, and which mode applies: the
 * session answers with its current mode (a session created or switched a moment ago included), or refuses.
 */
public record AdmitToolCall(@TargetAggregateIdentifier SessionId sessionId, Actor actor) {}
