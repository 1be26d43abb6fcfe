package dev.orchwiz.api.run;

import dev.orchwiz.api.id.ToolCallId;
import java.time.Instant;

/**
 * A tool call of a run as it settled: its status, its output (or error) for the model, and when it settled by the
 * node's clock, which is kept because the result is recorded later, with the model call it is sent to.
 */
public record ToolResult(ToolCallId toolCallId, String status, String output, boolean error, Instant settledAt) {}
