package dev.orchwiz.command.session;

import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.api.session.SessionError;
import dev.orchwiz.api.session.SessionId;

class SessionNotAcceptingInput extends RuleViolation {

    SessionNotAcceptingInput(SessionId sessionId, String detail) {
        super(SessionError.CLOSED, "Session " + sessionId + ": " + detail);
    }
}
