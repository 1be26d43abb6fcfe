package dev.orchwiz.api.toolcall.query;

import dev.orchwiz.api.toolcall.RuleRef;
import java.time.Instant;
import java.util.Map;

/** One entry of the approvals inbox: the call as the approver must see it, and what became of the request. */
public record ApprovalItem(
        String toolCallId,
        String tool,
        String summary,
        Map<String, Object> input,
        String inputHash,
        String sessionId,
        String subagentId,
        String commandName,
        RuleRef decidedBy,
        String reason,
        Instant requestedAt,
        Instant expiresAt,
        String status,
        String decidedByUser,
        String decidedByEmail,
        String comment,
        Instant decidedAt) {}
