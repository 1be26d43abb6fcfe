package dev.orchwiz.api.toolcall.event;

import dev.orchwiz.api.id.ToolCallId;

/** The run began; {@code runner} is the node process running it, null when a runtime ran the call itself. */
public record ToolCallRunStarted(ToolCallId toolCallId, String workingDirectory, long timeoutMs, String runner) {}
