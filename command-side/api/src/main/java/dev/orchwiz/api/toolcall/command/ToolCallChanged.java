package dev.orchwiz.api.toolcall.command;

import dev.orchwiz.api.id.ToolCallId;

/** What a tool call command answers: the call and its version after the change, a read's {@code minVersion}. */
public record ToolCallChanged(ToolCallId toolCallId, long version) {}
