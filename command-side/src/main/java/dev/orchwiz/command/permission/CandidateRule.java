package dev.orchwiz.command.permission;

import dev.orchwiz.api.toolcall.PermissionOutcome;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * A rule that may apply to a call, with everything the evaluator needs to rank it and the answer needs to name it.
 * {@code ruleId} is {@code null} for policy rules (they are not stored one by one); {@code policy} and {@code priority}
 * are set only for them. {@code order} is the rule's position within its source (within its policy for policy rules).
 */
public record CandidateRule(
        UUID ruleId,
        RuleSpec spec,
        PermissionOutcome outcome,
        RuleSource source,
        String policy,
        Integer priority,
        int order) {

    public CandidateRule {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(source, "source");
    }

    /** A stored rule of a session, subagent, user or the whole node. */
    public static CandidateRule stored(
            UUID ruleId, RuleSpec spec, PermissionOutcome outcome, RuleSource source, int order) {
        return new CandidateRule(ruleId, spec, outcome, source, null, null, order);
    }

    /** The rule at {@code order} of the policy {@code policy}, assigned with {@code priority}. */
    public static CandidateRule ofPolicy(String policy, int priority, PolicyRule rule, int order) {
        return new CandidateRule(null, rule.spec(), rule.outcome(), RuleSource.POLICY, policy, priority, order);
    }

    /** Every rule of the policy {@code policy}, in its order, as candidates of a subagent given it with {@code priority}. */
    public static List<CandidateRule> ofPolicy(String policy, int priority, List<PolicyRule> rules) {
        return IntStream.range(0, rules.size())
                .mapToObj(order -> ofPolicy(policy, priority, rules.get(order), order))
                .toList();
    }
}
