package dev.orchwiz.command.toolcall;

import dev.orchwiz.api.toolcall.PermissionOutcome;
import dev.orchwiz.api.toolcall.RuleRef;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a tool call learns allow, ask or deny from its candidate rules. The permission context answers it; the tool call
 * only names what it needs, so that the dependency points from permission to the tool call and never back.
 */
public interface PermissionCheck {

    Verdict decide(String tool, Map<String, Object> input, String workingDirectory, List<RuleRef> candidates);

    /** The outcome, why, the rule that decided ({@code null} when none matched) and the matches it outranked. */
    record Verdict(PermissionOutcome outcome, String reason, RuleRef decidedBy, List<RuleRef> shadowed) {

        public Verdict {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(reason, "reason");
            shadowed = shadowed == null ? List.of() : List.copyOf(shadowed);
        }
    }
}
