package dev.orchwiz.api.toolcall.event;

import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.id.UserId;

/**
 * The call may run. {@code runsLocally} tells the node's runner whether it is its to run without reading the call's
 * history (null in events recorded before it was carried).
 */
public record ToolCallApproved(
        ToolCallId toolCallId, boolean automatic, UserId by, String comment, String reason, Boolean runsLocally) {}
