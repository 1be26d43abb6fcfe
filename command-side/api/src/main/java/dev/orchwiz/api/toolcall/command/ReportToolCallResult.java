package dev.orchwiz.api.toolcall.command;

import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A runtime reports how an approved call of one of its own tools went (the node runs only shell calls itself). The
 * output arrives already redacted and capped; {@code truncated} says the runtime's output was longer than what is kept.
 */
public record ReportToolCallResult(
        @TargetAggregateIdentifier ToolCallId toolCallId,
        Actor actor,
        String outcome,
        Integer exitCode,
        long durationMs,
        String stdout,
        String stderr,
        boolean truncated,
        long keptBytes,
        String error) {}
