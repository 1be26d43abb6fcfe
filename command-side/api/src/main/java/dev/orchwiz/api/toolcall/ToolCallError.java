package dev.orchwiz.api.toolcall;

import dev.orchwiz.api.problem.ErrorKind;
import dev.orchwiz.api.problem.ListedError;

/** The ways a tool call request can be refused. */
public enum ToolCallError implements ListedError {
    NOT_FOUND(ErrorKind.NOT_FOUND, "Tool call not found"),
    INVALID_INPUT(ErrorKind.INVALID, "Invalid tool call"),
    NOT_AWAITING_APPROVAL(ErrorKind.CONFLICT, "This call is not waiting for an approval"),
    INPUT_CHANGED(ErrorKind.CONFLICT, "The call changed since you saw it"),
    NOT_RUNNABLE(ErrorKind.CONFLICT, "This call cannot run now"),
    ALREADY_FINISHED(ErrorKind.CONFLICT, "This call has already finished"),
    NOT_REPORTABLE(ErrorKind.CONFLICT, "This call takes no reported result"),
    FORBIDDEN(ErrorKind.FORBIDDEN, "Not your tool call");

    private final Definition definition;

    ToolCallError(ErrorKind kind, String title) {
        definition = new Definition("TOOL_CALL_" + name(), kind, title);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
