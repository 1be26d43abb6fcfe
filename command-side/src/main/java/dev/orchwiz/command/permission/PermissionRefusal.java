package dev.orchwiz.command.permission;

import dev.orchwiz.api.permission.PermissionError;
import dev.orchwiz.api.problem.RuleViolation;

/** A permission rule request refused by a named rule. */
class PermissionRefusal extends RuleViolation {

    PermissionRefusal(PermissionError error, String detail) {
        super(error, detail);
    }
}
