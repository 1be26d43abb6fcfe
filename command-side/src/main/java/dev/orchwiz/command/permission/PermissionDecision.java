package dev.orchwiz.command.permission;

import dev.orchwiz.api.toolcall.PermissionOutcome;
import java.util.List;
import java.util.Objects;

/**
 * The answer for one call: the outcome, a sentence saying why, the rule that decided ({@code null} when nothing
 * matched), and every other matching rule in the order they would have ranked, so that a user can see what a rule of
 * theirs lost to.
 */
public record PermissionDecision(
        PermissionOutcome outcome, String reason, CandidateRule decidedBy, List<CandidateRule> shadowed) {

    public PermissionDecision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        shadowed = shadowed == null ? List.of() : List.copyOf(shadowed);
    }
}
