package dev.orchwiz.api.toolcall.query;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.SlashCommandId;
import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.read.PagedQuery;
import dev.orchwiz.api.toolcall.ToolCallStatus;

/** Tool calls the viewer may see, newest first, filtered by status, command, session or parent call. */
public record ListToolCalls(
        Actor viewer,
        ToolCallStatus status,
        SlashCommandId commandId,
        SessionId sessionId,
        ToolCallId parentId,
        int page,
        int size)
        implements PagedQuery {}
