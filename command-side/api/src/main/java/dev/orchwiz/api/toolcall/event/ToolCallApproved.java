package dev.orchwiz.api.toolcall.event;

import dev.orchwiz.api.identity.UserId;
import dev.orchwiz.api.toolcall.ToolCallId;

public record ToolCallApproved(ToolCallId toolCallId, boolean automatic, UserId by, String comment, String reason) {}
