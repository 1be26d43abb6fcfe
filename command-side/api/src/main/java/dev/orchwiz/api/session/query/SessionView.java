package dev.orchwiz.api.session.query;

import dev.orchwiz.api.session.SessionMode;
import dev.orchwiz.api.session.SessionSource;
import dev.orchwiz.api.session.SessionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

public record SessionView(
        String id,
        String title,
        String description,
        String prompt,
        SessionStatus status,
        SessionMode mode,
        SessionSource source,
        String projectName,
        String branch,
        String environment,
        Map<String, Object> metadata,
        String parentSessionId,
        String ownerId,
        String ownerName,
        long interactionCount,
        long forkCount,
        Instant createdAt,
        Instant lastActivityAt,
        Instant completedAt,
        long version,
        List<SessionInteraction> interactions,
        boolean shared) {}
