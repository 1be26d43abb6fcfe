package dev.orchwiz.api.session.event;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.session.InteractionType;
import java.util.Map;
import java.util.UUID;

/** One entry of the session's timeline; the event's sequence in the session orders the timeline. */
public record SessionInteractionRecorded(
        SessionId sessionId,
        UUID interactionId,
        InteractionType type,
        String content,
        Map<String, Object> metadata,
        UserId by) {}
