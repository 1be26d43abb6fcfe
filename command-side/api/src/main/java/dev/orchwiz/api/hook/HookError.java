package dev.orchwiz.api.hook;

import dev.orchwiz.api.problem.ErrorKind;
import dev.orchwiz.api.problem.ListedError;

/** The ways a hook request can be refused. */
public enum HookError implements ListedError {
    NOT_FOUND(ErrorKind.NOT_FOUND, "Hook not found"),
    MATCHER_INVALID(ErrorKind.INVALID, "Not a valid matcher"),
    TARGET_REFUSED(ErrorKind.INVALID, "Webhook target refused"),
    INVALID_INPUT(ErrorKind.INVALID, "Invalid hook"),
    NAME_TAKEN(ErrorKind.CONFLICT, "You already have a hook of that name"),
    VERSION_MISMATCH(ErrorKind.STALE, "Hook changed in the meantime"),
    DELIVERY_NOT_FOUND(ErrorKind.NOT_FOUND, "Delivery not found"),
    DELIVERY_IN_PROGRESS(ErrorKind.CONFLICT, "This delivery is still being tried");

    private final Definition definition;

    HookError(ErrorKind kind, String title) {
        definition = new Definition("HOOK_" + name(), kind, title);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
