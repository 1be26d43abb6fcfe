package dev.orchwiz.api.toolcall.event;

import dev.orchwiz.api.id.ToolCallId;

public record ToolCallTimedOut(ToolCallId toolCallId, long durationMs) {}
