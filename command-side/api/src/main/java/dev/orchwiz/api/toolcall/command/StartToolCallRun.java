package dev.orchwiz.api.toolcall.command;

import dev.orchwiz.api.toolcall.ToolCallId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A node's runner takes an approved call; {@code runner} names the process, so a run it abandons can be found. */
public record StartToolCallRun(
        @TargetAggregateIdentifier ToolCallId toolCallId, String workingDirectory, long timeoutMs, String runner) {}
