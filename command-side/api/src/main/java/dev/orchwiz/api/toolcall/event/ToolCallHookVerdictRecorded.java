package dev.orchwiz.api.toolcall.event;

import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.toolcall.HookRef;
import dev.orchwiz.api.toolcall.HookVerdict;

public record ToolCallHookVerdictRecorded(ToolCallId toolCallId, HookRef hook, HookVerdict verdict, String reason) {}
