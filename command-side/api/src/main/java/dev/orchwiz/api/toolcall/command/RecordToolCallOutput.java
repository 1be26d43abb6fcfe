package dev.orchwiz.api.toolcall.command;

import dev.orchwiz.api.id.ToolCallId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordToolCallOutput(
        @TargetAggregateIdentifier ToolCallId toolCallId, int sequence, String stream, String text) {}
