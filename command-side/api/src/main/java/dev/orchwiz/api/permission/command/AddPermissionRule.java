package dev.orchwiz.api.permission.command;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.permission.PermissionRuleId;
import dev.orchwiz.api.permission.RuleScope;
import dev.orchwiz.api.session.SessionId;
import dev.orchwiz.api.subagent.SubagentId;
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
