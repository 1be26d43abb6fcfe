package dev.orchwiz.api.toolcall.event;

import dev.orchwiz.api.identity.UserId;
import dev.orchwiz.api.toolcall.ToolCallId;

public record ToolCallCancellationRequested(ToolCallId toolCallId, UserId by) {}
