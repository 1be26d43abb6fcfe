package dev.orchwiz.api.toolcall.command;

import dev.orchwiz.api.toolcall.HookRef;
import dev.orchwiz.api.toolcall.HookVerdict;
import dev.orchwiz.api.toolcall.ToolCallId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordHookVerdict(
        @TargetAggregateIdentifier ToolCallId toolCallId, HookRef hook, HookVerdict verdict, String reason) {}
