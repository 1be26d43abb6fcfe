package dev.orchwiz.api.toolcall.event;

import dev.orchwiz.api.toolcall.ToolCallId;

public record ToolCallTimedOut(ToolCallId toolCallId, long durationMs) {}
