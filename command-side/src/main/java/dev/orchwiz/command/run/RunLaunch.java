package dev.orchwiz.command.run;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.run.RunAgent;
import dev.orchwiz.api.run.command.RunChanged;
import dev.orchwiz.api.run.command.StartRun;
import dev.orchwiz.api.session.SessionMode;
import dev.orchwiz.command.run.runtime.AgentRuntime;
import dev.orchwiz.command.session.SessionRuns;
import dev.orchwiz.command.web.CommandSender;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Starts a run for a recorded prompt: picks the runtime (the prompt's, else the session's, else the node's), the model
 * and the trace, and decides once whether the trace keeps full inputs and outputs.
 */
@Component
class RunLaunch implements SessionRuns {

    /** A session's metadata key that overrides the node's sampling rate for its traces. */
    static final String SAMPLE_RATE_KEY = "traceSampleRate";

    private final CommandSender commands;
    private final Runtimes runtimes;
    private final RunProperties properties;
    private final String version;

    RunLaunch(
            CommandSender commands,
            Runtimes runtimes,
            RunProperties properties,
            @Value("${orchwiz.version:dev}") String version) {
        this.version = version;
        this.commands = commands;
        this.runtimes = runtimes;
        this.properties = properties;
    }

    /** A started run: what a prompt request answers. */
    record Launched(RunId runId, String traceId, long version) {}

    /**
     * What a run is asked to answer; {@code allowedTools} (empty: every tool) and {@code preflightCommands} come from
     * a prompt command's frontmatter and {@code !`cmd`} markers.
     */
    record Prompt(
            SessionId sessionId,
            UserId ownerId,
            UUID interactionId,
            String text,
            String runtime,
            String model,
            Map<String, Object> sessionMetadata,
            SessionMode mode,
            String origin,
            List<String> allowedTools,
            List<String> preflightCommands) {}

    /** Refuses an unknown or unconfigured runtime a person named, before anything is recorded. */
    @Override
    public void assertUsable(String runtime) {
        if (runtime != null) {
            runtimes.chosen(runtime);
        }
    }

    @Override
    public Optional<String> runFirstPrompt(
            Actor actor,
            SessionId sessionId,
            String prompt,
            String runtime,
            String model,
            Map<String, Object> metadata,
            SessionMode mode) {
        if (prompt == null || prompt.isBlank()) {
            return Optional.empty();
        }
        // The session's first prompt has no interaction of its own: it is the session's, read from SessionStarted.
        return launch(
                        actor,
                        new Prompt(
                                sessionId,
                                actor.id(),
                                null,
                                prompt,
                                runtime,
                                model,
                                metadata,
                                mode,
                                "session_start",
                                List.of(),
                                List.of()))
                .map(launched -> launched.runId().toString());
    }

    /** Starts the run, or answers empty when the node has no runtime to run it with (the prompt stays recorded). */
    Optional<Launched> launch(Actor actor, Prompt prompt) {
        return launch(actor, prompt, null);
    }

    /** As {@link #launch(Actor, Prompt)}, the run acting as {@code agent} (null: the session's own agent). */
    Optional<Launched> launch(Actor actor, Prompt prompt, RunAgent agent) {
        Optional<String> name = Optional.ofNullable(prompt.runtime()).or(runtimes::nodeDefault);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        AgentRuntime runtime = runtimes.chosen(name.get());
        String model = prompt.model() != null ? prompt.model() : runtime.defaultModel();
        RunId runId = RunId.random();
        String traceId = TraceIds.traceId();
        RunChanged changed = commands.send(
                new StartRun(
                        runId,
                        actor,
                        prompt.sessionId(),
                        prompt.ownerId(),
                        traceId,
                        TraceIds.spanId(),
                        runtime.name(),
                        model,
                        prompt.interactionId(),
                        prompt.text(),
                        prompt.origin(),
                        properties.maxSteps(),
                        properties.tokenBudget(),
                        prompt.allowedTools(),
                        sampled(prompt.sessionMetadata()),
                        tags(prompt, runtime.name(), model, agent),
                        prompt.preflightCommands(),
                        agent),
                () -> new RunRefusal(dev.orchwiz.api.run.RunError.NOT_FOUND, "No run " + runId));
        return Optional.of(new Launched(runId, traceId, changed.version()));
    }

    /** The labels every run carries into its trace and exports (never secrets: names and versions only). */
    private Map<String, String> tags(Prompt prompt, String runtime, String model, RunAgent agent) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(
                "mode",
                prompt.mode() == null
                        ? SessionMode.PLAN.wireName()
                        : prompt.mode().wireName());
        tags.put("node", properties.node());
        tags.put("runtime", runtime);
        tags.put("orchwiz.version", version);
        if (model != null) {
            tags.put("model", model);
        }
        tags.put("origin", prompt.origin());
        if (agent != null) {
            tags.put("subagent", agent.name());
        }
        return tags;
    }

    private boolean sampled(Map<String, Object> sessionMetadata) {
        double rate = properties.sampleRate();
        Object override = sessionMetadata == null ? null : sessionMetadata.get(SAMPLE_RATE_KEY);
        if (override instanceof Number number) {
            rate = Math.max(0, Math.min(1, number.doubleValue()));
        } else if (override instanceof String text) {
            try {
                rate = Math.max(0, Math.min(1, Double.parseDouble(text.trim())));
            } catch (NumberFormatException ignored) {
                // A rate that is not a number leaves the node's rate in force.
            }
        }
        return rate >= 1 || (rate > 0 && ThreadLocalRandom.current().nextDouble() < rate);
    }
}
