package dev.orchwiz.api.session.query;

import dev.orchwiz.api.session.SessionMode;
import dev.orchwiz.api.session.SessionSource;
import dev.orchwiz.api.session.SessionStatus;
import java.time.Instant;

public record SessionSummary(
        String id,
        String title,
        String description,
        SessionStatus status,
        SessionMode mode,
        SessionSource source,
        String projectName,
        String branch,
        String environment,
        String parentSessionId,
        String ownerId,
        long interactionCount,
        Instant createdAt,
        Instant lastActivityAt,
        Instant completedAt,
        long version,
        boolean shared) {}
