package dev.orchwiz.api.run.command;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.run.RequestedTool;
import dev.orchwiz.api.run.RuntimeToolUse;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records one finished model call and, in the same unit of work, what follows from it: the tool calls the run will
 * ask for ({@code links}, recorded before any is asked, as {@link RecordRunToolCall} would) or, for a final answer
 * ({@code completes}), the run's end. One commit where there were two or more, for every step of every run.
 */
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
        List<RuntimeToolUse> runtimeTools,
        List<Link> links,
        boolean completes) {

    public RecordModelCall {
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** A tool call the model asked for, under the id the run will ask for it by, with its span. */
    public record Link(
            ToolCallId toolCallId, String providerCallId, String tool, Map<String, Object> input, String spanId) {}
}
