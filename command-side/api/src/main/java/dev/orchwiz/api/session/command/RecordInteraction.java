package dev.orchwiz.api.session.command;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.session.InteractionType;
import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records what a runtime or script reports: an answer, a tool use or an error. */
public record RecordInteraction(
        @TargetAggregateIdentifier SessionId sessionId,
        Actor actor,
        UUID interactionId,
        InteractionType type,
        String content,
        Map<String, Object> metadata) {}
