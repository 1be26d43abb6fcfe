package dev.orchwiz.api.permission.event;

import dev.orchwiz.api.identity.UserId;
import dev.orchwiz.api.permission.PermissionRuleId;
import dev.orchwiz.api.permission.RuleScope;
import dev.orchwiz.api.session.SessionId;
import dev.orchwiz.api.subagent.SubagentId;
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
