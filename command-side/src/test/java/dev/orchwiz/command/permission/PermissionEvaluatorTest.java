package dev.orchwiz.command.permission;

import static dev.orchwiz.api.toolcall.PermissionOutcome.ALLOW;
import static dev.orchwiz.api.toolcall.PermissionOutcome.ASK;
import static dev.orchwiz.api.toolcall.PermissionOutcome.DENY;
import static dev.orchwiz.command.permission.RuleSource.GLOBAL;
import static dev.orchwiz.command.permission.RuleSource.POLICY;
import static dev.orchwiz.command.permission.RuleSource.SESSION;
import static dev.orchwiz.command.permission.RuleSource.SUBAGENT;
import static dev.orchwiz.command.permission.RuleSource.USER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchwiz.api.toolcall.PermissionOutcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PermissionEvaluatorTest {

    private static final ToolCallFacts GIT_PUSH = bash("git push origin main");

    @Test
    void denyBeatsAskBeatsAllowWhateverTheOrderAndScope() {
        // given
        CandidateRule sessionAllow = stored("Bash(git *)", ALLOW, SESSION, 0);
        CandidateRule userAsk = stored("Bash(git push*)", ASK, USER, 0);
        CandidateRule globalDeny = stored("Bash(git push *)", DENY, GLOBAL, 0);
        List<CandidateRule> candidates = new ArrayList<>(List.of(sessionAllow, userAsk, globalDeny));

        for (int shuffle = 0; shuffle < 10; shuffle++) {
            Collections.shuffle(candidates, new Random(shuffle));

            // when
            PermissionDecision decision = PermissionEvaluator.evaluate(GIT_PUSH, candidates);

            // then
            assertThat(decision.outcome()).isEqualTo(DENY);
            assertThat(decision.decidedBy()).isEqualTo(globalDeny);
            assertThat(decision.shadowed()).containsExactly(userAsk, sessionAllow);
        }
    }

    @Test
    void askBeatsAllowFromANarrowerScope() {
        // given
        CandidateRule sessionAllow = stored("Bash(git push*)", ALLOW, SESSION, 0);
        CandidateRule globalAsk = stored("Bash", ASK, GLOBAL, 0);

        // when
        PermissionDecision decision = PermissionEvaluator.evaluate(GIT_PUSH, List.of(sessionAllow, globalAsk));

        // then
        assertThat(decision.outcome()).isEqualTo(ASK);
        assertThat(decision.reason()).isEqualTo("Asked by global rule Bash");
        assertThat(decision.shadowed()).containsExactly(sessionAllow);
    }

    @Test
    void aBroadDenyCannotBeExceptedByANarrowAllow() {
        // given: the exception attempt Claude Code's documentation warns about
        CandidateRule userDeny = stored("Bash(aws *)", DENY, USER, 0);
        CandidateRule sessionAllow = stored("Bash(aws s3 ls)", ALLOW, SESSION, 0);

        // when
        PermissionDecision decision = PermissionEvaluator.evaluate(bash("aws s3 ls"), List.of(sessionAllow, userDeny));

        // then
        assertThat(decision.outcome()).isEqualTo(DENY);
        assertThat(decision.reason()).isEqualTo("Denied by user rule Bash(aws *)");
        assertThat(decision.shadowed()).containsExactly(sessionAllow);
    }

    @Test
    void theNarrowestScopeDecidesAmongEqualOutcomes() {
        // given
        CandidateRule global = stored("Bash(git push*)", DENY, GLOBAL, 0);
        CandidateRule user = stored("Bash(git *)", DENY, USER, 0);
        CandidateRule policy = policy("strict", 1, "Bash(git push *)", DENY, 0);
        CandidateRule subagent = stored("Bash(git push origin *)", DENY, SUBAGENT, 0);
        CandidateRule session = stored("Bash", DENY, SESSION, 0);

        // when
        PermissionDecision decision =
                PermissionEvaluator.evaluate(GIT_PUSH, List.of(global, user, policy, subagent, session));

        // then
        assertThat(decision.decidedBy()).isEqualTo(session);
        assertThat(decision.reason()).isEqualTo("Denied by session rule Bash");
        assertThat(decision.shadowed()).containsExactly(subagent, policy, user, global);
    }

    @Test
    void policiesRankByAscendingPriorityThenRuleOrder() {
        // given
        CandidateRule laterPolicy = policy("team", 5, "Bash(git *)", ASK, 0);
        CandidateRule firstPolicySecondRule = policy("release", 1, "Bash(git push*)", ASK, 3);
        CandidateRule firstPolicyFirstRule = policy("release", 1, "Bash", ASK, 1);

        // when
        PermissionDecision decision = PermissionEvaluator.evaluate(
                GIT_PUSH, List.of(laterPolicy, firstPolicySecondRule, firstPolicyFirstRule));

        // then
        assertThat(decision.decidedBy()).isEqualTo(firstPolicyFirstRule);
        assertThat(decision.reason()).isEqualTo("Asked by policy release rule Bash");
        assertThat(decision.shadowed()).containsExactly(firstPolicySecondRule, laterPolicy);
    }

    @Test
    void policiesWithTheSamePriorityDoNotInterleave() {
        // given
        CandidateRule beta0 = policy("beta", 1, "Bash", ALLOW, 0);
        CandidateRule alpha1 = policy("alpha", 1, "Bash(git *)", ALLOW, 1);
        CandidateRule beta2 = policy("beta", 1, "Bash(git *)", ALLOW, 2);
        CandidateRule alpha3 = policy("alpha", 1, "Bash(git push *)", ALLOW, 3);

        // when
        PermissionDecision decision = PermissionEvaluator.evaluate(GIT_PUSH, List.of(beta0, alpha1, beta2, alpha3));

        // then
        assertThat(decision.decidedBy()).isEqualTo(alpha1);
        assertThat(decision.shadowed()).containsExactly(alpha3, beta0, beta2);
    }

    @Test
    void ruleOrderDecidesWithinASource() {
        // given
        CandidateRule third = stored("Bash(git *)", ALLOW, USER, 3);
        CandidateRule first = stored("Bash(git push*)", ALLOW, USER, 1);

        // when
        PermissionDecision decision = PermissionEvaluator.evaluate(GIT_PUSH, List.of(third, first));

        // then
        assertThat(decision.outcome()).isEqualTo(ALLOW);
        assertThat(decision.decidedBy()).isEqualTo(first);
        assertThat(decision.reason()).isEqualTo("Allowed by user rule Bash(git push*)");
        assertThat(decision.shadowed()).containsExactly(third);
    }

    @Test
    void reportsEveryOtherMatchAsShadowedInRankOrderAndLeavesOutRulesThatDoNotMatch() {
        // given
        CandidateRule globalAllow = stored("Bash(git *)", ALLOW, GLOBAL, 0);
        CandidateRule sessionAllow = stored("Bash(git push *)", ALLOW, SESSION, 0);
        CandidateRule userAsk = stored("Bash(git push*)", ASK, USER, 0);
        CandidateRule subagentAsk = stored("Bash", ASK, SUBAGENT, 0);
        CandidateRule userDeny = stored("Bash(git push --force*)", DENY, USER, 1);
        CandidateRule otherTool = stored("Read", ALLOW, SESSION, 1);

        // when
        PermissionDecision decision = PermissionEvaluator.evaluate(
                GIT_PUSH, List.of(globalAllow, sessionAllow, userAsk, subagentAsk, userDeny, otherTool));

        // then
        assertThat(decision.decidedBy()).isEqualTo(subagentAsk);
        assertThat(decision.shadowed()).containsExactly(userAsk, sessionAllow, globalAllow);
    }

    @Test
    void asksWhenNoRuleMatches() {
        // given
        List<CandidateRule> candidates = List.of(stored("Read", ALLOW, USER, 0), stored("Bash(ls *)", ALLOW, USER, 1));

        // when
        PermissionDecision decision = PermissionEvaluator.evaluate(GIT_PUSH, candidates);

        // then
        assertThat(decision).isEqualTo(new PermissionDecision(ASK, "No rule matched; asking", null, List.of()));
        assertThat(PermissionEvaluator.evaluate(GIT_PUSH, List.of())).isEqualTo(decision);
        assertThat(PermissionEvaluator.evaluate(GIT_PUSH, null)).isEqualTo(decision);
        assertThat(PermissionEvaluator.evaluate(null, candidates)).isEqualTo(decision);
    }

    @Test
    void ignoresMissingCandidates() {
        // given
        CandidateRule allow = stored("Bash(git *)", ALLOW, USER, 0);

        // when
        PermissionDecision decision = PermissionEvaluator.evaluate(GIT_PUSH, Arrays.asList(null, allow, null));

        // then
        assertThat(decision.decidedBy()).isEqualTo(allow);
        assertThat(decision.shadowed()).isEmpty();
    }

    @Test
    void namesEachOutcomeAndSourceInTheReason() {
        assertThat(PermissionEvaluator.reason(stored("Bash(git push*)", DENY, USER, 0)))
                .isEqualTo("Denied by user rule Bash(git push*)");
        assertThat(PermissionEvaluator.reason(policy("safe-core", 1, "Bash(*)", ASK, 0)))
                .isEqualTo("Asked by policy safe-core rule Bash");
        assertThat(PermissionEvaluator.reason(stored("Read", ALLOW, SESSION, 0)))
                .isEqualTo("Allowed by session rule Read");
        assertThat(PermissionEvaluator.reason(stored("mcp__github", ALLOW, SUBAGENT, 0)))
                .isEqualTo("Allowed by subagent rule mcp__github");
        assertThat(PermissionEvaluator.reason(
                        new CandidateRule(null, RuleSpec.parse("Bash"), DENY, POLICY, null, null, 0)))
                .isEqualTo("Denied by policy rule Bash");
    }

    @Test
    void keepsTheIdsOfStoredRulesAndThePolicyOfPolicyRules() {
        // given
        UUID ruleId = UUID.randomUUID();
        CandidateRule stored = CandidateRule.stored(ruleId, RuleSpec.parse("Bash"), DENY, GLOBAL, 0);
        CandidateRule fromPolicy = policy("hardened", 2, "Bash(git push*)", DENY, 4);

        // when
        PermissionDecision decision = PermissionEvaluator.evaluate(GIT_PUSH, List.of(stored, fromPolicy));

        // then
        assertThat(decision.decidedBy().ruleId()).isNull();
        assertThat(decision.decidedBy().policy()).isEqualTo("hardened");
        assertThat(decision.decidedBy().priority()).isEqualTo(2);
        assertThat(decision.shadowed()).extracting(CandidateRule::ruleId).containsExactly(ruleId);
    }

    private static ToolCallFacts bash(String command) {
        return new ToolCallFacts("Bash", Map.of("command", command), "/work/proj", "/work/proj", "/home/ada");
    }

    private static CandidateRule stored(String rule, PermissionOutcome outcome, RuleSource source, int order) {
        return CandidateRule.stored(UUID.randomUUID(), RuleSpec.parse(rule), outcome, source, order);
    }

    private static CandidateRule policy(String slug, int priority, String rule, PermissionOutcome outcome, int order) {
        return CandidateRule.ofPolicy(slug, priority, new PolicyRule(RuleSpec.parse(rule), outcome), order);
    }
}
