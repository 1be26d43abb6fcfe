package dev.orchwiz.api.permission.query;

import dev.orchwiz.api.permission.PermissionOutcome;
import dev.orchwiz.api.permission.RuleScope;
import java.time.Instant;

public record PermissionRuleView(
        String id,
        String rule,
        PermissionOutcome outcome,
        RuleScope scope,
        String subagentId,
        String sessionId,
        String ownerId,
        Instant createdAt) {}
