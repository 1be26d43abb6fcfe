package dev.orchwiz.api.toolcall.command;

import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.toolcall.HookRef;
import dev.orchwiz.api.toolcall.HookVerdict;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordHookVerdict(
        @TargetAggregateIdentifier ToolCallId toolCallId, HookRef hook, HookVerdict verdict, String reason) {}
