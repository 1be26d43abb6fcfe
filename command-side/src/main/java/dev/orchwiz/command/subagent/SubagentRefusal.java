package dev.orchwiz.command.subagent;

import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.api.subagent.SubagentError;

/** A subagent request refused by a named rule. */
class SubagentRefusal extends RuleViolation {

    SubagentRefusal(SubagentError error, String detail) {
        super(error, detail);
    }
}
