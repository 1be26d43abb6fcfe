package dev.orchwiz.api.toolcall.query;

import dev.orchwiz.api.toolcall.PermissionOutcome;
import dev.orchwiz.api.toolcall.RuleRef;
import dev.orchwiz.api.toolcall.ToolCallOrigin;
import dev.orchwiz.api.toolcall.ToolCallStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A tool call as lists and its page show it; {@code version} is the last event of the call it shows. */
public record ToolCallView(
        String id,
        String tool,
        String summary,
        ToolCallOrigin origin,
        String parentId,
        String commandId,
        String commandName,
        String sessionId,
        String subagentId,
        ToolCallStatus status,
        PermissionOutcome outcome,
        String reason,
        RuleRef decidedBy,
        List<RuleRef> shadowed,
        Map<String, Object> input,
        String inputHash,
        String workingDirectory,
        Integer exitCode,
        Long durationMs,
        boolean truncated,
        String ownerId,
        Instant requestedAt,
        Instant startedAt,
        Instant finishedAt,
        ApprovalView approval,
        List<HookVerdictView> hooks,
        long version) {}
