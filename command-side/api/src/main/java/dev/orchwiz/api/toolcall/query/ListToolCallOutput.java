package dev.orchwiz.api.toolcall.query;

import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.identity.Actor;

public record ListToolCallOutput(Actor viewer, ToolCallId toolCallId, int after, int size) {}
