package dev.orchwiz.api.session.query;

import dev.orchwiz.api.session.SessionMode;
import dev.orchwiz.api.session.SessionSource;
import dev.orchwiz.api.session.SessionStatus;
import java.time.Instant;

/**
 * One row of a session list. {@code sourceNodeId} is {@code local} for this node's sessions, or the id of the node
 * that forwarded it ({@code sourceNodeName}: the name its source was registered under); a forwarded row has only what
 * the origin forwarded (no mode, source, owner or version) and is read-only here.
 */
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
        boolean shared,
        String sourceNodeId,
        String sourceNodeName) {}
