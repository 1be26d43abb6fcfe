package dev.orchwiz.api.toolcall.event;

import dev.orchwiz.api.toolcall.ToolCallId;

public record ToolCallOutputTruncated(ToolCallId toolCallId, long keptBytes) {}
