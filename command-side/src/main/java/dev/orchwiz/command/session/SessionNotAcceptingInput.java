package dev.orchwiz.command.session;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.api.session.SessionError;

class SessionNotAcceptingInput extends RuleViolation {

    SessionNotAcceptingInput(SessionId sessionId, String detail) {
        super(SessionError.CLOSED, "Session " + sessionId + ": " + detail);
    }
}
