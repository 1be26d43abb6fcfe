package dev.orchwiz.command.slashcommand;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.identity.Actor;
import java.util.List;

/**
 * What a prompt command needs from the agent runs: record the rendered prompt in the session and start a run on it.
 * The run context implements it, so the slash commands never reach into runs (ports point to the context that needs
 * them).
 */
public interface PromptCommandRuns {

    /**
     * The run to start: {@code prompt} as rendered, {@code preflightCommands} its {@code !`cmd`} commands in order,
     * {@code model} and {@code allowedTools} from the command's frontmatter (null and empty leave the defaults).
     */
    record PromptRun(
            SessionId sessionId,
            String commandName,
            String prompt,
            List<String> preflightCommands,
            String model,
            List<String> allowedTools) {}

    record StartedRun(String runId, String traceId, String sessionId) {}

    StartedRun start(Actor actor, PromptRun run);
}
