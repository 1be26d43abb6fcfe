package dev.orchwiz.api.toolcall.event;

import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.id.UserId;

public record ToolCallDenied(ToolCallId toolCallId, String reason, UserId by, String comment) {}
