package dev.orchwiz.api.toolcall.command;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.SlashCommandId;
import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.session.SessionMode;
import dev.orchwiz.api.toolcall.HookRef;
import dev.orchwiz.api.toolcall.RuleRef;
import dev.orchwiz.api.toolcall.ToolCallOrigin;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks for a tool call with everything its decision needs: the rules that may apply, the session mode and the
 * PreToolUse hooks. The execution gate is not among them: it applies when an approved call would run (see
 * {@link StartToolCallRun}), so a call the rules send to ask is asked first. {@code input} is what the rules are
 * evaluated against, as asked; {@code recordedInput} is the same input with secrets redacted, which is what the event
 * records and the approval's input hash covers ({@code stdin} comes already redacted).
 */
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
        Map<String, Object> recordedInput,
        String stdin,
        String workingDirectory,
        SessionMode sessionMode,
        List<RuleRef> candidates,
        List<HookRef> preToolUseHooks,
        boolean runsLocally,
        Instant approvalExpiresAt) {}
