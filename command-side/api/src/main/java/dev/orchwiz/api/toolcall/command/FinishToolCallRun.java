package dev.orchwiz.api.toolcall.command;

import dev.orchwiz.api.id.ToolCallId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record FinishToolCallRun(
        @TargetAggregateIdentifier ToolCallId toolCallId,
        String outcome,
        Integer exitCode,
        long durationMs,
        String error) {}
