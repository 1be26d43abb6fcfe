package dev.orchwiz.api.run;

import dev.orchwiz.api.problem.ErrorKind;
import dev.orchwiz.api.problem.ListedError;

/** The ways a run request can be refused. */
public enum RunError implements ListedError {
    NOT_FOUND(ErrorKind.NOT_FOUND, "Run not found"),
    FORBIDDEN(ErrorKind.FORBIDDEN, "Not your run"),
    ALREADY_FINISHED(ErrorKind.CONFLICT, "This run has already finished"),
    UNKNOWN_RUNTIME(ErrorKind.INVALID, "No such runtime"),
    RUNTIME_NOT_CONFIGURED(ErrorKind.CONFLICT, "The runtime is not configured on this node"),
    TRACE_NOT_FOUND(ErrorKind.NOT_FOUND, "Trace not found"),
    STEP_OUT_OF_DATE(ErrorKind.CONFLICT, "The run's step is not the one this was recorded for");

    private final Definition definition;

    RunError(ErrorKind kind, String title) {
        definition = new Definition("RUN_" + name(), kind, title);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
