package dev.orchwiz.api.toolcall.event;

import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.toolcall.BlockCause;

public record ToolCallBlocked(ToolCallId toolCallId, BlockCause cause, String reason, String hookId) {}
