package dev.orchwiz.command.session;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.session.SessionMode;
import java.util.Map;
import java.util.Optional;

/**
 * What a new session needs from agent runs: whether the runtime it names is usable here, and a run for the prompt it
 * starts with. The session owns the questions and the run context answers them, so that sessions do not depend on
 * runs.
 */
public interface SessionRuns {

    /** Refuses, with the run context's own error code, a runtime the node does not have or has not configured. */
    void assertUsable(String runtime);

    /**
     * Starts a run answering the prompt a session was started with; empty when the node has no runtime for it (the
     * prompt stays recorded in the session either way).
     */
    Optional<String> runFirstPrompt(
            Actor actor,
            SessionId sessionId,
            String prompt,
            String runtime,
            String model,
            Map<String, Object> metadata,
            SessionMode mode);
}
