package dev.orchwiz.api.toolcall.command;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.toolcall.ApprovalDecision;
import dev.orchwiz.api.toolcall.ToolCallId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DecideApproval(
        @TargetAggregateIdentifier ToolCallId toolCallId,
        Actor actor,
        ApprovalDecision decision,
        String comment,
        String inputHash) {}
