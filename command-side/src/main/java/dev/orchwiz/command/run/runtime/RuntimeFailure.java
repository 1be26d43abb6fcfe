package dev.orchwiz.command.run.runtime;

import dev.orchwiz.api.run.RunFailure;

/**
 * A runtime could not give a turn. {@code fallbackAllowed} says whether the next runtime of the chain may try instead:
 * true when nothing reached the user yet (unreachable, refused), false once text has streamed.
 */
public class RuntimeFailure extends Exception {

    private final RunFailure code;
    private final boolean fallbackAllowed;

    public RuntimeFailure(RunFailure code, String reason, boolean fallbackAllowed, Throwable cause) {
        super(reason, cause);
        this.code = code;
        this.fallbackAllowed = fallbackAllowed;
    }

    public RuntimeFailure(RunFailure code, String reason, boolean fallbackAllowed) {
        this(code, reason, fallbackAllowed, null);
    }

    public RunFailure code() {
        return code;
    }

    public boolean fallbackAllowed() {
        return fallbackAllowed;
    }
}
