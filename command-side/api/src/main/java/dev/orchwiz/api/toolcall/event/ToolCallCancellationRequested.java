package dev.orchwiz.api.toolcall.event;

import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.id.UserId;

public record ToolCallCancellationRequested(ToolCallId toolCallId, UserId by) {}
