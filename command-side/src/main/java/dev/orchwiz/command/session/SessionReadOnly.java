package dev.orchwiz.command.session;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.api.session.SessionError;

/** The session is shared with the caller to read, not to change. */
class SessionReadOnly extends RuleViolation {

    SessionReadOnly(SessionId sessionId) {
        super(SessionError.READ_ONLY, "Session " + sessionId + " is shared with you read-only; fork it to work on it");
    }
}
