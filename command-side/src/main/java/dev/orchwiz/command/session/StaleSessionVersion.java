package dev.orchwiz.command.session;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.api.session.SessionError;

class StaleSessionVersion extends RuleViolation {

    StaleSessionVersion(SessionId sessionId, long expected, long actual) {
        super(
                SessionError.VERSION_MISMATCH,
                "Session " + sessionId + " is at version " + actual + ", not " + expected + "; reload and retry");
    }
}
