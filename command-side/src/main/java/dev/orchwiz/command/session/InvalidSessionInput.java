package dev.orchwiz.command.session;

import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.api.session.SessionError;

class InvalidSessionInput extends RuleViolation {

    InvalidSessionInput(String field, String problem) {
        super(SessionError.INVALID_INPUT, field + " " + problem);
    }
}
