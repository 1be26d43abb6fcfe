package dev.orchwiz.command.hook;

import dev.orchwiz.api.hook.HookError;
import dev.orchwiz.api.problem.RuleViolation;

/** A hook request refused by a named rule. */
class HookRefusal extends RuleViolation {

    HookRefusal(HookError error, String detail) {
        super(error, detail);
    }
}
