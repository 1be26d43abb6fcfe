package dev.orchwiz.command.execution.sandbox;

import dev.orchwiz.api.WireNamed;

/** How a run ended. */
public enum RunOutcome implements WireNamed {
    /** The script exited with status 0. */
    COMPLETED,
    /** The script exited with a non-zero status. */
    FAILED,
    /** The run hit its timeout and its process tree was killed. */
    TIMED_OUT,
    /** Someone cancelled the run and its process tree was killed. */
    CANCELLED;
}
