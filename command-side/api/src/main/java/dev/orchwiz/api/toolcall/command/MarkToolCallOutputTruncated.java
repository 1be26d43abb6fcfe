package dev.orchwiz.api.toolcall.command;

import dev.orchwiz.api.id.ToolCallId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record MarkToolCallOutputTruncated(
        @TargetAggregateIdentifier ToolCallId toolCallId, long keptBytes) {}
