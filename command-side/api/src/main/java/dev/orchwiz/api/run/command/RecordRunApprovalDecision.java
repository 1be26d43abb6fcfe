package dev.orchwiz.api.run.command;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.id.ToolCallId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Notes that a tool call the run waited for a person on was decided ({@code approved}, {@code denied} or
 * {@code expired}): the run stops waiting now, while the call runs, not when its result reaches the model.
 */
public record RecordRunApprovalDecision(
        @TargetAggregateIdentifier RunId runId, ToolCallId toolCallId, String decision) {}
