package dev.orchwiz.command.toolcall;

import dev.orchwiz.api.problem.ErrorCode;
import dev.orchwiz.api.problem.RuleViolation;

/** A tool call that names a session or subagent the caller cannot use, refused with that context's own code. */
class ReferenceRefused extends RuleViolation {

    ReferenceRefused(ErrorCode error, String detail) {
        super(error, detail);
    }
}
