package dev.orchwiz.command.permission;

import dev.orchwiz.api.toolcall.RuleRef;
import dev.orchwiz.command.toolcall.PermissionCheck;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Answers the tool call's permission check with the pure {@link PermissionEvaluator}. */
@Component
public class RuleEvaluation implements PermissionCheck {

    @Override
    public Verdict decide(String tool, Map<String, Object> input, String workingDirectory, List<RuleRef> candidates) {
        PermissionDecision decision = PermissionEvaluator.evaluate(
                new ToolCallFacts(tool, input == null ? Map.of() : input, workingDirectory, workingDirectory, null),
                RuleReferences.candidates(candidates));
        return new Verdict(
                decision.outcome(),
                decision.reason(),
                RuleReferences.reference(decision.decidedBy()),
                decision.shadowed().stream().map(RuleReferences::reference).toList());
    }
}
