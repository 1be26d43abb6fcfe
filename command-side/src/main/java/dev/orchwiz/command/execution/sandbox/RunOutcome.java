package dev.orchwiz.command.execution.sandbox;

import java.util.Locale;

/** How a run ended. */
public enum RunOutcome {
    /** The script exited with status 0. */
    COMPLETED,
    /** The script exited with a non-zero status. */
    FAILED,
    /** The run hit its timeout and its process tree was killed. */
    TIMED_OUT,
    /** Someone cancelled the run and its process tree was killed. */
    CANCELLED;

    /** The name on the wire: {@code completed}, {@code failed}, {@code timed_out} or {@code cancelled}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
