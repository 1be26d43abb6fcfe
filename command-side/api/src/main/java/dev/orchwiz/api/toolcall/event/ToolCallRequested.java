package dev.orchwiz.api.toolcall.event;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.SlashCommandId;
import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.toolcall.ToolCallOrigin;
import java.util.Map;

public record ToolCallRequested(
        ToolCallId toolCallId,
        UserId ownerId,
        ToolCallOrigin origin,
        ToolCallId parentToolCallId,
        SessionId sessionId,
        SubagentId subagentId,
        SlashCommandId commandId,
        String commandName,
        String tool,
        Map<String, Object> input,
        String inputHash,
        String summary,
        String stdin,
        String workingDirectory,
        boolean runsLocally,
        UserId by) {}
