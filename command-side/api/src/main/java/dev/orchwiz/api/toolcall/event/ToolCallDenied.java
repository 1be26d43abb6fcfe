package dev.orchwiz.api.toolcall.event;

import dev.orchwiz.api.identity.UserId;
import dev.orchwiz.api.toolcall.ToolCallId;

public record ToolCallDenied(ToolCallId toolCallId, String reason, UserId by, String comment) {}
