package dev.orchwiz.command.session;

import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.api.session.SessionError;
import dev.orchwiz.api.session.SessionStatus;

/**
 * A session command refused by a named rule, like every other context's {@code *Refusal}: its {@link SessionError}
 * decides the HTTP status and the problem's stable code. The factories keep each refusal's wording in one place.
 */
class SessionRefusal extends RuleViolation {

    SessionRefusal(SessionError error, String detail) {
        super(error, detail);
    }

    /** No session with that id exists for the caller (someone else's reads the same, so ids cannot be probed). */
    static SessionRefusal notFound(Object sessionId) {
        return new SessionRefusal(SessionError.NOT_FOUND, "No session " + sessionId);
    }

    static SessionRefusal archived(Object sessionId) {
        return new SessionRefusal(SessionError.ARCHIVED, "Session " + sessionId + " is archived");
    }

    /** The session is shared with the caller to read, not to change. */
    static SessionRefusal readOnly(Object sessionId) {
        return new SessionRefusal(
                SessionError.READ_ONLY,
                "Session " + sessionId + " is shared with you read-only; fork it to work on it");
    }

    static SessionRefusal staleVersion(Object sessionId, long expected, long actual) {
        return new SessionRefusal(
                SessionError.VERSION_MISMATCH,
                "Session " + sessionId + " is at version " + actual + ", not " + expected + "; reload and retry");
    }

    static SessionRefusal invalidTransition(SessionStatus from, SessionStatus to) {
        return new SessionRefusal(
                SessionError.INVALID_TRANSITION,
                "A session cannot move from " + from.wireName() + " to " + to.wireName());
    }

    static SessionRefusal notAcceptingInput(Object sessionId, String detail) {
        return new SessionRefusal(SessionError.CLOSED, "Session " + sessionId + ": " + detail);
    }

    static SessionRefusal invalidInput(String field, String problem) {
        return new SessionRefusal(SessionError.INVALID_INPUT, field + " " + problem);
    }
}
