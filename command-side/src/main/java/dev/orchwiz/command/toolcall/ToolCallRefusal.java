package dev.orchwiz.command.toolcall;

import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.api.toolcall.ToolCallError;

/** A tool call request refused by a named rule. */
class ToolCallRefusal extends RuleViolation {

    ToolCallRefusal(ToolCallError error, String detail) {
        super(error, detail);
    }
}
