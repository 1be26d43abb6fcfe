package dev.orchwiz.api.session.command;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.identity.Actor;
import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SubmitPrompt(
        @TargetAggregateIdentifier SessionId sessionId,
        Actor actor,
        Long expectedVersion,
        UUID interactionId,
        String prompt,
        Map<String, Object> metadata) {}
