package dev.orchwiz.api.toolcall.event;

import dev.orchwiz.api.toolcall.ToolCallId;

public record ToolCallRunStarted(ToolCallId toolCallId, String workingDirectory, long timeoutMs) {}
