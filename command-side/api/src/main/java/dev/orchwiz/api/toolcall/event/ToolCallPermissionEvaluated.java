package dev.orchwiz.api.toolcall.event;

import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.session.SessionMode;
import dev.orchwiz.api.toolcall.PermissionOutcome;
import dev.orchwiz.api.toolcall.RuleRef;
import java.util.List;

public record ToolCallPermissionEvaluated(
        ToolCallId toolCallId,
        PermissionOutcome outcome,
        String reason,
        RuleRef decidedBy,
        List<RuleRef> shadowed,
        SessionMode sessionMode) {}
