package dev.orchwiz.api.run.event;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.run.RunAgent;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A prompt started a run. The ids are OpenTelemetry-shaped (32 and 16 hex digits); {@code sampled} says whether the
 * trace keeps full inputs and outputs (decisions are kept either way); {@code tags} (session mode, node, OrchWiz
 * version) label the run in traces and exports. {@code preflightCommands} (null in runs started before they existed)
 * are the {@code !`cmd`} commands run before the first model call.
 */
public record RunStarted(
        RunId runId,
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
        UserId by,
        Map<String, String> tags,
        List<String> preflightCommands,
        RunAgent agent) {}
