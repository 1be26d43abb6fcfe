package dev.orchwiz.api.toolcall.event;

import dev.orchwiz.api.id.ToolCallId;

public record ToolCallFailed(ToolCallId toolCallId, Integer exitCode, long durationMs, String error) {}
