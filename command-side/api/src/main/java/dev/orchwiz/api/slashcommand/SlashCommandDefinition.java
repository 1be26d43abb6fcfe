package dev.orchwiz.api.slashcommand;

import java.util.List;
import java.util.Map;

/** Everything a user says about a command; {@code frontmatter} keeps the Claude Code keys of an imported file, each value as written without the space after its colon, so an export gives it back unchanged. */
public record SlashCommandDefinition(
        String name,
        String description,
        String script,
        String workingDirectory,
        String argumentHint,
        List<String> allowedTools,
        String model,
        boolean shared,
        Map<String, String> frontmatter) {}
