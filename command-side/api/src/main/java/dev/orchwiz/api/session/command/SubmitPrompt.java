package dev.orchwiz.api.session.command;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.session.SessionId;
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
