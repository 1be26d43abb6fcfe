package dev.orchwiz.api.run.command;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.id.ToolCallId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a settled tool call; answers whether every tool call of the step has settled. */
public record RecordRunToolResult(
        @TargetAggregateIdentifier RunId runId, ToolCallId toolCallId, String status, String output, boolean error) {}
