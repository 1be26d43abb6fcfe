package dev.orchwiz.api.hook;

import dev.orchwiz.api.problem.ErrorCode;
import dev.orchwiz.api.problem.ErrorKind;

/** The ways a hook request can be refused. */
public enum HookError implements ErrorCode {
    NOT_FOUND(ErrorKind.NOT_FOUND, "Hook not found"),
    MATCHER_INVALID(ErrorKind.INVALID, "Not a valid matcher"),
    TARGET_REFUSED(ErrorKind.INVALID, "Webhook target refused"),
    INVALID_INPUT(ErrorKind.INVALID, "Invalid hook"),
    NAME_TAKEN(ErrorKind.CONFLICT, "You already have a hook of that name"),
    VERSION_MISMATCH(ErrorKind.STALE, "Hook changed in the meantime"),
    DELIVERY_NOT_FOUND(ErrorKind.NOT_FOUND, "Delivery not found"),
    DELIVERY_IN_PROGRESS(ErrorKind.CONFLICT, "This delivery is still being tried");

    private final ErrorKind kind;
    private final String title;

    HookError(ErrorKind kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    @Override
    public String code() {
        return "HOOK_" + name();
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
