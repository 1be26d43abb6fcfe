package dev.orchwiz.api.toolcall.query;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.toolcall.ToolCallId;

public record FindToolCall(Actor viewer, ToolCallId toolCallId) {}
