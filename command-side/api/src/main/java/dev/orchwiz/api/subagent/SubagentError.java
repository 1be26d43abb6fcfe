package dev.orchwiz.api.subagent;

import dev.orchwiz.api.problem.ErrorCode;
import dev.orchwiz.api.problem.ErrorKind;

/** The ways a subagent request can be refused. */
public enum SubagentError implements ErrorCode {
    NOT_FOUND(ErrorKind.NOT_FOUND, "Subagent not found"),
    NAME_TAKEN(ErrorKind.CONFLICT, "You already have a subagent with this name"),
    READ_ONLY(ErrorKind.FORBIDDEN, "Shared with you read-only"),
    INVALID_INPUT(ErrorKind.INVALID, "Invalid subagent"),
    VERSION_MISMATCH(ErrorKind.STALE, "Subagent changed in the meantime");

    private final ErrorKind kind;
    private final String title;

    SubagentError(ErrorKind kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    @Override
    public String code() {
        return "SUBAGENT_" + name();
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
