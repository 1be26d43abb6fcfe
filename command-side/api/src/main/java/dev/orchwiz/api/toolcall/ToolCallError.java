package dev.orchwiz.api.toolcall;

import dev.orchwiz.api.problem.ErrorCode;
import dev.orchwiz.api.problem.ErrorKind;

/** The ways a tool call request can be refused. */
public enum ToolCallError implements ErrorCode {
    NOT_FOUND(ErrorKind.NOT_FOUND, "Tool call not found"),
    INVALID_INPUT(ErrorKind.INVALID, "Invalid tool call"),
    NOT_AWAITING_APPROVAL(ErrorKind.CONFLICT, "This call is not waiting for an approval"),
    INPUT_CHANGED(ErrorKind.CONFLICT, "The call changed since you saw it"),
    NOT_RUNNABLE(ErrorKind.CONFLICT, "This call cannot run now"),
    ALREADY_FINISHED(ErrorKind.CONFLICT, "This call has already finished"),
    NOT_REPORTABLE(ErrorKind.CONFLICT, "This call takes no reported result"),
    FORBIDDEN(ErrorKind.FORBIDDEN, "Not your tool call");

    private final ErrorKind kind;
    private final String title;

    ToolCallError(ErrorKind kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    @Override
    public String code() {
        return "TOOL_CALL_" + name();
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
