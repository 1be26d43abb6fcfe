package dev.orchwiz.api.toolcall.command;

import dev.orchwiz.api.toolcall.ToolCallId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record StartToolCallRun(
        @TargetAggregateIdentifier ToolCallId toolCallId, String workingDirectory, long timeoutMs) {}
