package dev.orchwiz.api.toolcall.event;

import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.toolcall.HookRef;
import java.time.Instant;
import java.util.List;

public record ToolCallAwaitingHooks(ToolCallId toolCallId, List<HookRef> hooks, Instant approvalExpiresAt) {}
