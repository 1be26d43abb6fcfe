package dev.orchwiz.api.run.command;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.id.ToolCallId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Notes that a tool call of the run waits for a person. */
public record MarkRunAwaitingApproval(
        @TargetAggregateIdentifier RunId runId, ToolCallId toolCallId) {}
