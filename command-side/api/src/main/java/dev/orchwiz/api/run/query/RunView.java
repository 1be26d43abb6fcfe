package dev.orchwiz.api.run.query;

import dev.orchwiz.api.run.RunState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A run as its page shows it; {@code output} is the streamed text of the step in progress or the answer. */
public record RunView(
        String id,
        String sessionId,
        String ownerId,
        String ownerName,
        String traceId,
        String runtime,
        String model,
        RunState state,
        int steps,
        long inputTokens,
        long outputTokens,
        BigDecimal cost,
        String prompt,
        String promptInteractionId,
        String output,
        String answer,
        String errorCode,
        String error,
        List<String> fallbacks,
        List<RunToolCallView> toolCalls,
        Instant startedAt,
        Instant endedAt,
        Long durationMillis,
        Map<String, String> tags,
        long version) {}
