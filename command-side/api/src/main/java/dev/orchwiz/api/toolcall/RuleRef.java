package dev.orchwiz.api.toolcall;

/** A permission rule as the decision saw it: stored ({@code ruleId}) or from a policy; {@code source} is session, subagent, policy, user or global. */
public record RuleRef(
        String ruleId,
        String rule,
        PermissionOutcome outcome,
        String source,
        String policy,
        Integer priority,
        int order) {}
