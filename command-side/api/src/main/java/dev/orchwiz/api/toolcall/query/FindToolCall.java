package dev.orchwiz.api.toolcall.query;

import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.identity.Actor;

public record FindToolCall(Actor viewer, ToolCallId toolCallId) {}
