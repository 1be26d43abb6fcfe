package dev.orchwiz.query.permission;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.permission.RuleScope;
import dev.orchwiz.api.permission.query.ListPermissionRules;
import dev.orchwiz.api.permission.query.PermissionRulePage;
import dev.orchwiz.api.toolcall.PermissionOutcome;
import dev.orchwiz.query.Reads;
import dev.orchwiz.web.DefaultPageSize;
import dev.orchwiz.web.PageParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The permission rules the caller may see, filtered by scope, outcome and target. */
@RestController
class PermissionQueryController {

    private final Reads reads;

    PermissionQueryController(Reads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/permissions")
    PermissionRulePage rules(
            Actor actor,
            @RequestParam(required = false) RuleScope scope,
            @RequestParam(required = false) PermissionOutcome outcome,
            @RequestParam(required = false) String subagentId,
            @RequestParam(required = false) String sessionId,
            @DefaultPageSize(50) PageParameters paging) {
        SubagentId subagent = Reads.optionalId(subagentId, SubagentId::parse, "subagentId");
        SessionId session = Reads.optionalId(sessionId, SessionId::parse, "sessionId");
        return reads.ask(
                new ListPermissionRules(actor, scope, outcome, subagent, session, paging.page(), paging.size()),
                PermissionRulePage.class);
    }
}
