package dev.orchwiz.api.session;

import dev.orchwiz.api.problem.ErrorCode;
import dev.orchwiz.api.problem.ErrorKind;

/** The ways a session command can be refused. */
public enum SessionError implements ErrorCode {
    NOT_FOUND(ErrorKind.NOT_FOUND, "Session not found"),
    ARCHIVED(ErrorKind.NOT_FOUND, "Session archived"),
    INVALID_TRANSITION(ErrorKind.CONFLICT, "Invalid status transition"),
    CLOSED(ErrorKind.CONFLICT, "Session does not accept this now"),
    VERSION_MISMATCH(ErrorKind.STALE, "Session changed in the meantime"),
    INVALID_INPUT(ErrorKind.INVALID, "Invalid session input"),
    READ_ONLY(ErrorKind.FORBIDDEN, "Shared with you read-only");

    private final ErrorKind kind;
    private final String title;

    SessionError(ErrorKind kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    @Override
    public String code() {
        return "SESSION_" + name();
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }

    @Override
    public String title() {
        return title;
    }
}
