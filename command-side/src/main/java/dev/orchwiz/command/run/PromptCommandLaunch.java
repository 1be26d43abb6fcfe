package dev.orchwiz.command.run;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.run.RunError;
import dev.orchwiz.api.session.SessionError;
import dev.orchwiz.api.session.SessionLimits;
import dev.orchwiz.api.session.command.PromptSubmitted;
import dev.orchwiz.api.session.command.SubmitPrompt;
import dev.orchwiz.command.slashcommand.PromptCommandRuns;
import dev.orchwiz.command.web.CommandSender;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Runs a prompt command the way a typed prompt runs ({@link PromptController}): the rendered prompt is recorded in the
 * session, then a run answers it, with the command's model and allowed tools, and its {@code !`cmd`} commands run
 * first.
 */
@Component
class PromptCommandLaunch implements PromptCommandRuns {

    static final String ORIGIN = "slash_command";

    private final CommandSender commands;
    private final RunLaunch launch;

    PromptCommandLaunch(CommandSender commands, RunLaunch launch) {
        this.commands = commands;
        this.launch = launch;
    }

    @Override
    public StartedRun start(Actor actor, PromptRun run) {
        if (run.prompt().isBlank()) {
            throw new RunRefusal(SessionError.INVALID_INPUT, "The command's prompt is empty once rendered");
        }
        if (run.prompt().length() > SessionLimits.PROMPT) {
            throw new RunRefusal(
                    SessionError.INVALID_INPUT,
                    "The rendered prompt is longer than " + SessionLimits.PROMPT + " characters");
        }
        UUID interactionId = UUID.randomUUID();
        PromptSubmitted submitted = commands.send(
                new SubmitPrompt(
                        run.sessionId(),
                        actor,
                        null,
                        interactionId,
                        run.prompt(),
                        Map.of("slashCommand", run.commandName())),
                () -> new RunRefusal(SessionError.NOT_FOUND, "No session " + run.sessionId()));
        // The command's model wins; without one the session's model goes with the session's runtime.
        String model = run.model() != null ? run.model() : submitted.model();
        RunLaunch.Launched launched = launch.launch(
                        actor,
                        new RunLaunch.Prompt(
                                run.sessionId(),
                                submitted.ownerId(),
                                interactionId,
                                run.prompt(),
                                submitted.runtime(),
                                model,
                                submitted.metadata(),
                                submitted.mode(),
                                ORIGIN,
                                run.allowedTools(),
                                run.preflightCommands()))
                .orElseThrow(() -> new RunRefusal(
                        RunError.RUNTIME_NOT_CONFIGURED,
                        "The prompt is recorded in the session, but this node has no runtime to run it (see the"
                                + " README: Runtimes)"));
        return new StartedRun(
                launched.runId().toString(), launched.traceId(), run.sessionId().toString());
    }
}
