package dev.orchwiz.api.run.command;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.run.RequestedTool;
import dev.orchwiz.api.run.RuntimeToolUse;
import dev.orchwiz.api.run.ToolResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records one finished model call and, in the same unit of work, the last of its streamed output ({@code outputTail},
 * recorded as {@link RecordAssistantOutput} would, before the call) and what follows from it: the tool calls the run will
 * ask for ({@code links}, recorded before any is asked, as {@link RecordRunToolCall} would) or, for a final answer
 * ({@code completes}), the run's end. It also carries the tool results the call was made with ({@code results}, every
 * call the previous step asked for, recorded before the call): a step is one commit, not one per tool result too.
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
        String outputTail,
        List<Link> links,
        boolean completes,
        List<ToolResult> results) {

    public RecordModelCall {
        links = links == null ? List.of() : List.copyOf(links);
        results = results == null ? List.of() : List.copyOf(results);
    }

    /** A tool call the model asked for, under the id the run will ask for it by, with its span. */
    public record Link(
            ToolCallId toolCallId, String providerCallId, String tool, Map<String, Object> input, String spanId) {}
}
