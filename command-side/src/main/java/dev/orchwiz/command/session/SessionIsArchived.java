package dev.orchwiz.command.session;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.api.session.SessionError;

class SessionIsArchived extends RuleViolation {

    SessionIsArchived(SessionId sessionId) {
        super(SessionError.ARCHIVED, "Session " + sessionId + " is archived");
    }
}
