package dev.orchwiz.command.run.runtime;

/**
 * One way to get a model's next turn. A run calls {@link #call} once per step with the whole conversation so far; the
 * runtime streams text as it comes and answers the turn: final text, or the tools the model wants run. Tool calls are
 * never run by the runtime: the run hands them to the control plane and sends their results in the next call.
 */
public interface AgentRuntime {

    /** The wire name a session, a prompt or the node configuration chooses this runtime by. */
    String name();

    /** Whether the node has what this runtime needs (a key, a URL); an unconfigured runtime is never called. */
    boolean configured();

    /** The model used when neither the prompt nor the session names one. */
    String defaultModel();

    /** Whether this runtime is a deterministic stand-in (no model at all), so the UI can say so. */
    default boolean deterministic() {
        return false;
    }

    /**
     * Asks the model for its next turn. Implementations stream text through {@code stream} as it arrives, stop early
     * when {@link ModelStream#cancelled()} turns true, and throw {@link RuntimeFailure} instead of ever answering a
     * failure as if it were the model's text.
     */
    ModelTurn call(ModelRequest request, ModelStream stream) throws RuntimeFailure;
}
