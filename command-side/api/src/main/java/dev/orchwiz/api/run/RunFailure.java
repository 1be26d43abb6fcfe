package dev.orchwiz.api.run;

/** Why a run failed, as a stable code for clients; the event's reason says it in a sentence. */
public enum RunFailure {
    /** The runtime could not be reached or refused the request (after any fallback). */
    RUNTIME_UNAVAILABLE,
    /** The runtime answered something that is not a valid answer. */
    RUNTIME_BAD_RESPONSE,
    /** The runtime took longer than the node allows for one model call. */
    RUNTIME_TIMEOUT,
    /** The run reached its step limit before a final answer. */
    STEP_LIMIT,
    /** The run used up its token budget before a final answer. */
    TOKEN_BUDGET,
    /** The node stopped while the run was calling its model. */
    INTERRUPTED,
    /** Anything else; the reason says what. */
    ERROR
}
