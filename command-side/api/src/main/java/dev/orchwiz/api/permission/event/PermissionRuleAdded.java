package dev.orchwiz.api.permission.event;

import dev.orchwiz.api.id.PermissionRuleId;
import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.permission.RuleScope;
import dev.orchwiz.api.toolcall.PermissionOutcome;

public record PermissionRuleAdded(
        PermissionRuleId ruleId,
        UserId ownerId,
        String rule,
        PermissionOutcome outcome,
        RuleScope scope,
        SubagentId subagentId,
        SessionId sessionId,
        UserId by) {}
