package dev.orchwiz.api.toolcall.event;

import dev.orchwiz.api.id.ToolCallId;

public record ToolCallOutputRecorded(ToolCallId toolCallId, int sequence, String stream, String text) {}
