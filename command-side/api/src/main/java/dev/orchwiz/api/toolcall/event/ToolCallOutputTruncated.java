package dev.orchwiz.api.toolcall.event;

import dev.orchwiz.api.id.ToolCallId;

public record ToolCallOutputTruncated(ToolCallId toolCallId, long keptBytes) {}
