package dev.orchwiz.command.session;

import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.api.session.SessionError;
import dev.orchwiz.api.session.SessionId;

class SessionIsArchived extends RuleViolation {

    SessionIsArchived(SessionId sessionId) {
        super(SessionError.ARCHIVED, "Session " + sessionId + " is archived");
    }
}
