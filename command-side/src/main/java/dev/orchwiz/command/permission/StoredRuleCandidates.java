package dev.orchwiz.command.permission;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.permission.query.ApplicableRules;
import dev.orchwiz.api.permission.query.FindApplicableRules;
import dev.orchwiz.api.permission.query.PermissionRuleView;
import dev.orchwiz.api.toolcall.RuleRef;
import dev.orchwiz.command.toolcall.CandidateRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The stored rules (global, the user's, the session's, the subagent's) that may decide the call, in stored order. */
@Component
@Order(1)
class StoredRuleCandidates implements CandidateRules {

    private final QueryGateway queries;

    StoredRuleCandidates(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public List<RuleRef> candidates(Actor actor, SessionId sessionId, SubagentId subagentId) {
        ApplicableRules rules = queries.query(
                        new FindApplicableRules(actor.id(), sessionId, subagentId),
                        ResponseTypes.instanceOf(ApplicableRules.class))
                .join();
        List<RuleRef> references = new ArrayList<>();
        int order = 0;
        for (PermissionRuleView rule : rules.rules()) {
            references.add(new RuleRef(
                    rule.id(),
                    rule.rule(),
                    rule.outcome(),
                    rule.scope().name().toLowerCase(Locale.ROOT),
                    null,
                    null,
                    order++));
        }
        return references;
    }
}
