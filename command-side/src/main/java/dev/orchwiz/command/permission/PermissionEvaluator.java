package dev.orchwiz.command.permission;

import dev.orchwiz.api.toolcall.PermissionOutcome;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Decides a tool call against every candidate rule. The order is fixed and is the one {@code
 * docs/control-plane-api.md} documents:
 *
 * <ol>
 *   <li>Collect every candidate that matches the call ({@link RuleMatcher}).
 *   <li>The outcome is the strongest among the matches: deny beats ask beats allow. Specificity does not matter, as
 *       in Claude Code: {@code deny Bash(aws *)} cannot be excepted by {@code allow Bash(aws s3 ls)}. This keeps every
 *       deny final, whoever adds an allow later and wherever.
 *   <li>Among the matches with that outcome, the narrowest source decides: session, subagent, policy, user, global.
 *       Policies among themselves rank by ascending priority number, then by policy slug (so that two policies with
 *       the same priority do not interleave), then by rule order; every other source by rule order. Which rule decides
 *       does not change the outcome, only the rule the answer names: the one closest to the call, which is the one its
 *       owner most likely wants to see.
 *   <li>No match: ask, with reason {@value #NO_MATCH_REASON}.
 *   <li>Every other match, weaker outcomes included, is returned as shadowed, in the order it would have ranked.
 * </ol>
 */
public final class PermissionEvaluator {

    static final String NO_MATCH_REASON = "No rule matched; asking";

    /** The ranking of steps 2 and 3: the first rule in this order decides. */
    static final Comparator<CandidateRule> RANKING = Comparator.comparing(
                    (CandidateRule rule) -> rule.outcome().ordinal(), Comparator.reverseOrder())
            .thenComparing(CandidateRule::source)
            .thenComparing(CandidateRule::priority, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(CandidateRule::policy, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(CandidateRule::order);

    private PermissionEvaluator() {}

    public static PermissionDecision evaluate(ToolCallFacts call, List<CandidateRule> candidates) {
        List<CandidateRule> matches = candidates == null
                ? List.of()
                : candidates.stream()
                        .filter(Objects::nonNull)
                        .filter(candidate -> RuleMatcher.matches(candidate.spec(), candidate.outcome(), call))
                        .sorted(RANKING)
                        .toList();
        if (matches.isEmpty()) {
            return new PermissionDecision(PermissionOutcome.ASK, NO_MATCH_REASON, null, List.of());
        }
        CandidateRule decidedBy = matches.get(0);
        return new PermissionDecision(
                decidedBy.outcome(), reason(decidedBy), decidedBy, matches.subList(1, matches.size()));
    }

    /** E.g. {@code Denied by user rule Bash(git push*)} or {@code Asked by policy safe-core rule Bash}. */
    static String reason(CandidateRule rule) {
        String verb =
                switch (rule.outcome()) {
                    case ALLOW -> "Allowed";
                    case ASK -> "Asked";
                    case DENY -> "Denied";
                };
        String source = rule.source() == RuleSource.POLICY && rule.policy() != null
                ? "policy " + rule.policy()
                : rule.source().wireName();
        return verb + " by " + source + " rule " + rule.spec().text();
    }
}
