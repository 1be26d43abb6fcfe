package dev.orchwiz.command.permission;

import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.permission.BuiltInPolicy;
import dev.orchwiz.api.permission.PolicyAssignment;
import dev.orchwiz.api.permission.query.ListPermissionPoliciesBySlug;
import dev.orchwiz.api.permission.query.PermissionPolicies;
import dev.orchwiz.api.permission.query.PermissionPolicyView;
import dev.orchwiz.api.toolcall.RuleRef;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * The rules a subagent's policies bring to a call, by ascending priority: the built-in policies' and its owner's own.
 * Custom policies are looked up under the subagent's owner, never the caller, so a policy only ever applies to its
 * author's subagents, whoever runs them. An assigned slug the owner no longer has a policy for brings no rules.
 */
@Component
public class SubagentPolicyRules {

    private final QueryGateway queries;

    SubagentPolicyRules(QueryGateway queries) {
        this.queries = queries;
    }

    /** The rules of the policies assigned to a subagent owned by {@code ownerId}. */
    public List<RuleRef> of(String ownerId, List<PolicyAssignment> policies) {
        List<PolicyAssignment> assignments = policies == null
                ? List.of()
                : policies.stream()
                        .sorted(Comparator.comparingInt(PolicyAssignment::priority))
                        .toList();
        Map<String, List<PolicyRule>> own = ownPolicies(ownerId, assignments);
        return assignments.stream()
                .flatMap(assignment -> candidates(assignment, own).stream())
                .map(RuleReferences::reference)
                .toList();
    }

    private static List<CandidateRule> candidates(PolicyAssignment assignment, Map<String, List<PolicyRule>> own) {
        // A built-in slug always means the built-in policy: custom policies cannot take one.
        return BuiltInPolicy.bySlug(assignment.policy())
                .map(policy -> BuiltInRules.candidates(policy, assignment.priority()))
                .orElseGet(() -> CandidateRule.ofPolicy(
                        assignment.policy(), assignment.priority(), own.getOrDefault(assignment.policy(), List.of())));
    }

    private Map<String, List<PolicyRule>> ownPolicies(String ownerId, List<PolicyAssignment> assignments) {
        List<String> slugs = assignments.stream()
                .map(PolicyAssignment::policy)
                .filter(slug -> BuiltInPolicy.bySlug(slug).isEmpty())
                .toList();
        if (slugs.isEmpty() || ownerId == null) {
            return Map.of();
        }
        PermissionPolicies found = queries.query(
                        new ListPermissionPoliciesBySlug(UserId.of(ownerId), slugs),
                        ResponseTypes.instanceOf(PermissionPolicies.class))
                .join();
        return found.policies().stream()
                .collect(Collectors.toMap(PermissionPolicyView::slug, SubagentPolicyRules::rules, (a, b) -> a));
    }

    private static List<PolicyRule> rules(PermissionPolicyView policy) {
        return policy.rules().stream()
                .map(rule -> new PolicyRule(RuleSpec.parse(rule.rule()), rule.outcome()))
                .toList();
    }
}
