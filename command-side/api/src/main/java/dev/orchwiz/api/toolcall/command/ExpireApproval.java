package dev.orchwiz.api.toolcall.command;

import dev.orchwiz.api.id.ToolCallId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ExpireApproval(@TargetAggregateIdentifier ToolCallId toolCallId, Instant now) {}
