package dev.orchwiz.command.subagent;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.subagent.query.SubagentView;
import dev.orchwiz.api.toolcall.RuleRef;
import dev.orchwiz.command.permission.SubagentPolicyRules;
import dev.orchwiz.command.toolcall.CandidateRules;
import dev.orchwiz.command.toolcall.SubagentReferences;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What a subagent brings to a tool call: that the caller may name it at all, and the rules of its assigned policies
 * (looked up under its owner, whoever runs it).
 */
@Component
@Order(2)
class SubagentPolicyCandidates implements CandidateRules, SubagentReferences {

    private final VisibleSubagents subagents;
    private final SubagentPolicyRules policyRules;

    SubagentPolicyCandidates(VisibleSubagents subagents, SubagentPolicyRules policyRules) {
        this.subagents = subagents;
        this.policyRules = policyRules;
    }

    @Override
    public List<RuleRef> candidates(Actor actor, SessionId sessionId, SubagentId subagentId) {
        if (subagentId == null) {
            return List.of();
        }
        SubagentView subagent = subagents.describe(actor, subagentId);
        return policyRules.of(subagent.ownerId(), subagent.policies());
    }

    @Override
    public void assertVisible(Actor actor, SubagentId subagentId) {
        subagents.describe(actor, subagentId);
    }
}
