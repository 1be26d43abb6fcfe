package dev.orchwiz.api.slashcommand.query;

import java.time.Instant;

public record SlashCommandSummary(
        String id,
        String name,
        String description,
        String argumentHint,
        String workingDirectory,
        boolean shared,
        String ownerId,
        boolean mine,
        long runCount,
        Instant lastRunAt,
        String lastRunStatus,
        Instant updatedAt,
        long version,
        String kind) {}
