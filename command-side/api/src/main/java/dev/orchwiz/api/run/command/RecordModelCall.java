package dev.orchwiz.api.run.command;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.run.RequestedTool;
import dev.orchwiz.api.run.RuntimeToolUse;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records one finished model call. */
public record RecordModelCall(
        @TargetAggregateIdentifier RunId runId,
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
