package dev.orchwiz.api.toolcall.command;

import dev.orchwiz.api.id.ToolCallId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A node's runner takes an approved call; {@code runner} names the process, so a run it abandons can be found.
 * {@code localExecutionEnabled} is that node's execution gate at run time: closed, the call ends blocked instead.
 */
public record StartToolCallRun(
        @TargetAggregateIdentifier ToolCallId toolCallId,
        String workingDirectory,
        long timeoutMs,
        String runner,
        boolean localExecutionEnabled) {}
