package dev.orchwiz.api.toolcall.command;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.session.SessionId;
import dev.orchwiz.api.session.SessionMode;
import dev.orchwiz.api.slashcommand.SlashCommandId;
import dev.orchwiz.api.subagent.SubagentId;
import dev.orchwiz.api.toolcall.HookRef;
import dev.orchwiz.api.toolcall.RuleRef;
import dev.orchwiz.api.toolcall.ToolCallId;
import dev.orchwiz.api.toolcall.ToolCallOrigin;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks for a tool call with everything its decision needs: the rules that may apply, the session mode, the PreToolUse hooks and the execution gate. */
public record RequestToolCall(
        @TargetAggregateIdentifier ToolCallId toolCallId,
        Actor actor,
        ToolCallOrigin origin,
        ToolCallId parentToolCallId,
        SessionId sessionId,
        SubagentId subagentId,
        SlashCommandId commandId,
        String commandName,
        String tool,
        Map<String, Object> input,
        String stdin,
        String workingDirectory,
        SessionMode sessionMode,
        List<RuleRef> candidates,
        List<HookRef> preToolUseHooks,
        boolean runsLocally,
        boolean localExecutionEnabled,
        Instant approvalExpiresAt) {}
