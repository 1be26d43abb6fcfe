package dev.orchwiz.api.session.event;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.session.SessionMode;
import dev.orchwiz.api.session.SessionSource;
import java.util.Map;

public record SessionStarted(
        SessionId sessionId,
        UserId ownerId,
        String title,
        String description,
        String prompt,
        SessionMode mode,
        SessionSource source,
        String projectName,
        String branch,
        String environment,
        Map<String, Object> metadata,
        SessionId parentSessionId,
        UserId by,
        String runtime,
        String model) {}
