package dev.orchwiz.api.slashcommand.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

public record SlashCommandView(
        String id,
        String name,
        String description,
        String script,
        String workingDirectory,
        String argumentHint,
        List<String> allowedTools,
        String model,
        boolean shared,
        String ownerId,
        boolean mine,
        Map<String, String> frontmatter,
        long runCount,
        Instant lastRunAt,
        String lastRunStatus,
        Instant createdAt,
        Instant updatedAt,
        long version,
        String kind) {}
