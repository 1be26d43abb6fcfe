package dev.orchwiz.api.run;

import dev.orchwiz.api.problem.ErrorCode;
import dev.orchwiz.api.problem.ErrorKind;

/** The ways a run request can be refused. */
public enum RunError implements ErrorCode {
    NOT_FOUND(ErrorKind.NOT_FOUND, "Run not found"),
    FORBIDDEN(ErrorKind.FORBIDDEN, "Not your run"),
    ALREADY_FINISHED(ErrorKind.CONFLICT, "This run has already finished"),
    UNKNOWN_RUNTIME(ErrorKind.INVALID, "No such runtime"),
    RUNTIME_NOT_CONFIGURED(ErrorKind.CONFLICT, "The runtime is not configured on this node"),
    TRACE_NOT_FOUND(ErrorKind.NOT_FOUND, "Trace not found");

    private final ErrorKind kind;
    private final String title;

    RunError(ErrorKind kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    @Override
    public String code() {
        return "RUN_" + name();
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
