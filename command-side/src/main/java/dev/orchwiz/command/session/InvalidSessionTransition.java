package dev.orchwiz.command.session;

import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.api.session.SessionError;
import dev.orchwiz.api.session.SessionStatus;

class InvalidSessionTransition extends RuleViolation {

    InvalidSessionTransition(SessionStatus from, SessionStatus to) {
        super(
                SessionError.INVALID_TRANSITION,
                "A session cannot move from " + from.wireName() + " to " + to.wireName());
    }
}
