package dev.orchwiz.api.toolcall.query;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.session.SessionId;
import dev.orchwiz.api.slashcommand.SlashCommandId;
import dev.orchwiz.api.toolcall.ToolCallId;
import dev.orchwiz.api.toolcall.ToolCallStatus;

/** Tool calls the viewer may see, newest first, filtered by status, command, session or parent call. */
public record ListToolCalls(
        Actor viewer,
        ToolCallStatus status,
        SlashCommandId commandId,
        SessionId sessionId,
        ToolCallId parentId,
        int page,
        int size) {}
