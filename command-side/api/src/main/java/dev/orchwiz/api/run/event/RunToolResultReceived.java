package dev.orchwiz.api.run.event;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.id.ToolCallId;

/** A tool call of the run settled; its output (or error) goes back to the model. */
public record RunToolResultReceived(RunId runId, ToolCallId toolCallId, String status, String output, boolean error) {}
