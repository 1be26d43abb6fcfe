package dev.orchwiz.api.execution;

import dev.orchwiz.api.problem.ErrorCode;
import dev.orchwiz.api.problem.ErrorKind;

/** The ways a node refuses to run a command locally. */
public enum ExecutionError implements ErrorCode {
    WORKING_DIRECTORY_REFUSED(ErrorKind.INVALID, "Working directory refused"),
    LOCAL_EXECUTION_DISABLED(ErrorKind.FORBIDDEN, "Local command execution is disabled"),
    TIMEOUT_REFUSED(ErrorKind.INVALID, "Timeout refused");

    private final ErrorKind kind;
    private final String title;

    ExecutionError(ErrorKind kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    @Override
    public String code() {
        return "EXECUTION_" + name();
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
