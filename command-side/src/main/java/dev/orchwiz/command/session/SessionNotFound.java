package dev.orchwiz.command.session;

import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.api.session.SessionError;

/** No session with that id exists for the caller. */
class SessionNotFound extends RuleViolation {

    SessionNotFound(Object sessionId) {
        super(SessionError.NOT_FOUND, "No session " + sessionId);
    }
}
