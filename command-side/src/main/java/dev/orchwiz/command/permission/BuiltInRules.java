package dev.orchwiz.command.permission;

import dev.orchwiz.api.permission.BuiltInPolicy;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The built-in policies' rules parsed once, so that evaluating a call never parses their text again. */
public final class BuiltInRules {

    private static final Map<BuiltInPolicy, List<PolicyRule>> PARSED = new EnumMap<>(BuiltInPolicy.class);

    static {
        for (BuiltInPolicy policy : BuiltInPolicy.values()) {
            PARSED.put(
                    policy,
                    policy.rules().stream()
                            .map(rule -> new PolicyRule(RuleSpec.parse(rule.rule()), rule.outcome()))
                            .toList());
        }
    }

    private BuiltInRules() {}

    /** The rules in their policy order: denies, then asks, then allows, as a settings file lists them. */
    public static List<PolicyRule> of(BuiltInPolicy policy) {
        return PARSED.get(policy);
    }

    /** The policy's rules as candidates of a subagent that has it assigned with {@code priority}. */
    public static List<CandidateRule> candidates(BuiltInPolicy policy, int priority) {
        return CandidateRule.ofPolicy(policy.slug(), priority, of(policy));
    }
}
