package dev.orchwiz.api.toolcall.query;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.toolcall.ToolCallId;

public record ListToolCallOutput(Actor viewer, ToolCallId toolCallId, int after, int size) {}
