package dev.orchwiz.api.subagent;

import java.util.List;
import java.util.Map;

/** Everything a user says about a subagent; {@code frontmatter} keeps the Claude Code keys of an imported file, each value as written without the space after its colon. */
public record SubagentDefinition(
        String name,
        String description,
        String prompt,
        List<String> tools,
        String model,
        Map<String, Object> settings,
        boolean shared,
        Map<String, String> frontmatter) {}
