package dev.orchwiz.api.permission.query;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.permission.RuleScope;
import dev.orchwiz.api.read.PagedQuery;
import dev.orchwiz.api.toolcall.PermissionOutcome;

public record ListPermissionRules(
        Actor viewer,
        RuleScope scope,
        PermissionOutcome outcome,
        SubagentId subagentId,
        SessionId sessionId,
        int page,
        int size)
        implements PagedQuery {}
