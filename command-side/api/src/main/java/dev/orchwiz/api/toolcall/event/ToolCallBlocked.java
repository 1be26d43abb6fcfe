package dev.orchwiz.api.toolcall.event;

import dev.orchwiz.api.toolcall.BlockCause;
import dev.orchwiz.api.toolcall.ToolCallId;

public record ToolCallBlocked(ToolCallId toolCallId, BlockCause cause, String reason, String hookId) {}
