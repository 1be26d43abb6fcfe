package dev.orchwiz.api.toolcall.event;

import dev.orchwiz.api.id.ToolCallId;
import java.time.Instant;

public record ToolCallApprovalExpired(ToolCallId toolCallId, Instant expiresAt) {}
