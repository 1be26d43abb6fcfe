package dev.orchwiz.api.toolcall.event;

import dev.orchwiz.api.id.ToolCallId;
import java.time.Instant;

public record ToolCallApprovalRequested(ToolCallId toolCallId, String inputHash, Instant expiresAt, String reason) {}
