package dev.orchwiz.api.subagent.query;

import dev.orchwiz.api.permission.PolicyAssignment;
import java.time.Instant;
import java.util.List;
import java.util.Map;

public record SubagentView(
        String id,
        String name,
        String description,
        String prompt,
        List<String> tools,
        String model,
        Map<String, Object> settings,
        boolean shared,
        String ownerId,
        boolean mine,
        List<PolicyAssignment> policies,
        Map<String, String> frontmatter,
        Instant createdAt,
        Instant updatedAt,
        long version) {}
