package dev.orchwiz.command.subagent;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.subagent.SubagentError;
import dev.orchwiz.api.subagent.query.FindSubagent;
import dev.orchwiz.api.subagent.query.SubagentView;
import dev.orchwiz.api.toolcall.RuleRef;
import dev.orchwiz.command.permission.SubagentPolicyRules;
import dev.orchwiz.command.toolcall.CandidateRules;
import dev.orchwiz.command.toolcall.SubagentReferences;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What a subagent brings to a tool call: that the caller may name it at all, and the rules of its assigned policies
 * (looked up under its owner, whoever runs it).
 */
@Component
@Order(2)
class SubagentPolicyCandidates implements CandidateRules, SubagentReferences {

    private final QueryGateway queries;
    private final SubagentPolicyRules policyRules;

    SubagentPolicyCandidates(QueryGateway queries, SubagentPolicyRules policyRules) {
        this.queries = queries;
        this.policyRules = policyRules;
    }

    @Override
    public List<RuleRef> candidates(Actor actor, SessionId sessionId, SubagentId subagentId) {
        if (subagentId == null) {
            return List.of();
        }
        SubagentView subagent = visible(actor, subagentId);
        return policyRules.of(subagent.ownerId(), subagent.policies());
    }

    @Override
    public void assertVisible(Actor actor, SubagentId subagentId) {
        visible(actor, subagentId);
    }

    @Override
    public SubagentView describe(Actor actor, SubagentId subagentId) {
        return visible(actor, subagentId);
    }

    private SubagentView visible(Actor actor, SubagentId subagentId) {
        Optional<SubagentView> found = queries.query(
                        new FindSubagent(actor, subagentId), ResponseTypes.optionalInstanceOf(SubagentView.class))
                .join();
        return found.orElseThrow(() -> new SubagentRefusal(SubagentError.NOT_FOUND, "No subagent " + subagentId));
    }
}
