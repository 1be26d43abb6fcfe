package dev.orchwiz.api.toolcall.event;

import dev.orchwiz.api.toolcall.ToolCallId;

public record ToolCallCompleted(ToolCallId toolCallId, int exitCode, long durationMs) {}
