package dev.orchwiz.api.toolcall.query;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.session.SessionId;
import dev.orchwiz.api.slashcommand.SlashCommandId;
import dev.orchwiz.api.toolcall.ToolCallStatus;

public record ListToolCalls(
        Actor viewer, ToolCallStatus status, SlashCommandId commandId, SessionId sessionId, int page, int size) {}
