package dev.orchwiz.api.toolcall.command;

import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.toolcall.ApprovalDecision;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DecideApproval(
        @TargetAggregateIdentifier ToolCallId toolCallId,
        Actor actor,
        ApprovalDecision decision,
        String comment,
        String inputHash) {}
