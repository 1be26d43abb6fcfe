package dev.orchwiz.api.toolcall.query;

import dev.orchwiz.api.id.ToolCallId;
import java.util.List;

public record ExpiredApprovals(List<ToolCallId> toolCallIds) {}
