package dev.orchwiz.api.permission.query;

import dev.orchwiz.api.permission.RuleScope;
import dev.orchwiz.api.toolcall.PermissionOutcome;
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
