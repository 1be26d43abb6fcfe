package dev.orchwiz.api.toolcall.event;

import dev.orchwiz.api.id.ToolCallId;

public record ToolCallCompleted(ToolCallId toolCallId, int exitCode, long durationMs) {}
