package dev.orchwiz.api.execution;

import dev.orchwiz.api.problem.ErrorKind;
import dev.orchwiz.api.problem.ListedError;

/** The ways a node refuses to run a command locally. */
public enum ExecutionError implements ListedError {
    WORKING_DIRECTORY_REFUSED(ErrorKind.INVALID, "Working directory refused"),
    LOCAL_EXECUTION_DISABLED(ErrorKind.FORBIDDEN, "Local command execution is disabled"),
    TIMEOUT_REFUSED(ErrorKind.INVALID, "Timeout refused");

    private final Definition definition;

    ExecutionError(ErrorKind kind, String title) {
        definition = new Definition("EXECUTION_" + name(), kind, title);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
