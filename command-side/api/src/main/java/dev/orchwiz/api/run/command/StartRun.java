package dev.orchwiz.api.run.command;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.run.RunAgent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Starts a run for a prompt already recorded in the session; the process of the run drives it from here.
 * {@code preflightCommands} are a slash command's {@code !`cmd`} commands, run as {@code Bash} tool calls before the
 * model is called, their output put in place of their markers in the prompt; empty or null for every other run.
 */
public record StartRun(
        @TargetAggregateIdentifier RunId runId,
        Actor actor,
        SessionId sessionId,
        UserId ownerId,
        String traceId,
        String spanId,
        String runtime,
        String model,
        UUID promptInteractionId,
        String prompt,
        String origin,
        int maxSteps,
        long tokenBudget,
        List<String> allowedTools,
        boolean sampled,
        Map<String, String> tags,
        List<String> preflightCommands,
        RunAgent agent) {}
