package dev.orchwiz.api.run.command;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.id.ToolCallId;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records, before it is asked for, a tool call the model wants. */
public record RecordRunToolCall(
        @TargetAggregateIdentifier RunId runId,
        int step,
        ToolCallId toolCallId,
        String providerCallId,
        String tool,
        Map<String, Object> input,
        String spanId) {}
