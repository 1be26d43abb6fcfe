package dev.orchwiz.command.permission;

import dev.orchwiz.api.toolcall.PermissionOutcome;
import java.util.Objects;

/** One rule of a permission policy: what it matches and what it says. */
public record PolicyRule(RuleSpec spec, PermissionOutcome outcome) {

    public PolicyRule {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(outcome, "outcome");
    }
}
