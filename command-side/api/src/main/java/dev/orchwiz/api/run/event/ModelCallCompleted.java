package dev.orchwiz.api.run.event;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.run.RequestedTool;
import dev.orchwiz.api.run.RuntimeToolUse;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One model call of a run ended: its answer, the tools it asked for, usage, cost and latency. */
public record ModelCallCompleted(
        RunId runId,
        int step,
        String spanId,
        String runtime,
        String model,
        long inputTokens,
        long outputTokens,
        BigDecimal cost,
        Instant startedAt,
        long latencyMillis,
        String finishReason,
        String text,
        List<RequestedTool> toolCalls,
        List<RuntimeToolUse> runtimeTools) {}
