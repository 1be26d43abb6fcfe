package dev.orchwiz.api.run.event;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.id.ToolCallId;
import java.time.Instant;

/**
 * A tool call of the run settled; its output (or error) goes back to the model. It is recorded with the next model
 * call (or the run's end), so {@code settledAt} says when it settled; events recorded before it existed have none, and
 * their own timestamp is when they settled.
 */
public record RunToolResultReceived(
        RunId runId, ToolCallId toolCallId, String status, String output, boolean error, Instant settledAt) {}
