package dev.orchwiz.command.run;

import dev.orchwiz.api.problem.ErrorCode;
import dev.orchwiz.api.problem.RuleViolation;

/** A run request refused by a named rule (a prompt may also be refused for its session: not found). */
class RunRefusal extends RuleViolation {

    RunRefusal(ErrorCode error, String detail) {
        super(error, detail);
    }
}
