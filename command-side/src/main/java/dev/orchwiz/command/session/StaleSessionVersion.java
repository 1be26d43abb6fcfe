package dev.orchwiz.command.session;

import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.api.session.SessionError;
import dev.orchwiz.api.session.SessionId;

class StaleSessionVersion extends RuleViolation {

    StaleSessionVersion(SessionId sessionId, long expected, long actual) {
        super(
                SessionError.VERSION_MISMATCH,
                "Session " + sessionId + " is at version " + actual + ", not " + expected + "; reload and retry");
    }
}
