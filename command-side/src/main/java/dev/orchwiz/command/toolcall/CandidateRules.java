package dev.orchwiz.command.toolcall;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.toolcall.RuleRef;
import java.util.List;

/**
 * A source of rules that may decide a call: the permission context brings the stored rules, the subagent context the
 * rules of the subagent's policies. Sources answer in {@code @Order}; the evaluator ranks by source, not list order.
 */
public interface CandidateRules {

    List<RuleRef> candidates(Actor actor, SessionId sessionId, SubagentId subagentId);
}
