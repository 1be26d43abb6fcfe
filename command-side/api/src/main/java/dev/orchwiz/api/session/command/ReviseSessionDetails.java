package dev.orchwiz.api.session.command;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.identity.Actor;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes descriptive fields in one decision, so a partial update never half-applies. */
public record ReviseSessionDetails(
        @TargetAggregateIdentifier SessionId sessionId,
        Actor actor,
        Long expectedVersion,
        FieldChange<String> title,
        FieldChange<String> description,
        FieldChange<String> projectName,
        FieldChange<String> branch,
        FieldChange<String> environment,
        FieldChange<Map<String, Object>> metadata) {}
