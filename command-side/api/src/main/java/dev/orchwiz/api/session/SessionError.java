package dev.orchwiz.api.session;

import dev.orchwiz.api.problem.ErrorKind;
import dev.orchwiz.api.problem.ListedError;

/** The ways a session command can be refused. */
public enum SessionError implements ListedError {
    NOT_FOUND(ErrorKind.NOT_FOUND, "Session not found"),
    ARCHIVED(ErrorKind.NOT_FOUND, "Session archived"),
    INVALID_TRANSITION(ErrorKind.CONFLICT, "Invalid status transition"),
    CLOSED(ErrorKind.CONFLICT, "Session does not accept this now"),
    VERSION_MISMATCH(ErrorKind.STALE, "Session changed in the meantime"),
    INVALID_INPUT(ErrorKind.INVALID, "Invalid session input"),
    READ_ONLY(ErrorKind.FORBIDDEN, "Shared with you read-only");

    private final Definition definition;

    SessionError(ErrorKind kind, String title) {
        definition = new Definition("SESSION_" + name(), kind, title);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
