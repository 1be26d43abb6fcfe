package dev.orchwiz.api.permission.command;

import dev.orchwiz.api.id.PermissionRuleId;
import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.permission.RuleScope;
import dev.orchwiz.api.toolcall.PermissionOutcome;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddPermissionRule(
        @TargetAggregateIdentifier PermissionRuleId ruleId,
        Actor actor,
        String rule,
        PermissionOutcome outcome,
        RuleScope scope,
        SubagentId subagentId,
        SessionId sessionId) {}
