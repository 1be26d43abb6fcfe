package dev.orchwiz.api.subagent;

import dev.orchwiz.api.problem.ErrorKind;
import dev.orchwiz.api.problem.ListedError;

/** The ways a subagent request can be refused. */
public enum SubagentError implements ListedError {
    NOT_FOUND(ErrorKind.NOT_FOUND, "Subagent not found"),
    NAME_TAKEN(ErrorKind.CONFLICT, "You already have a subagent with this name"),
    READ_ONLY(ErrorKind.FORBIDDEN, "Shared with you read-only"),
    INVALID_INPUT(ErrorKind.INVALID, "Invalid subagent"),
    VERSION_MISMATCH(ErrorKind.STALE, "Subagent changed in the meantime");

    private final Definition definition;

    SubagentError(ErrorKind kind, String title) {
        definition = new Definition("SUBAGENT_" + name(), kind, title);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
