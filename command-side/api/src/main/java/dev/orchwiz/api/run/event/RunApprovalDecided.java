package dev.orchwiz.api.run.event;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.id.ToolCallId;

/**
 * A tool call the run waited for a person on was decided ({@code approved}, {@code denied} or {@code expired}); the run
 * waits no more for it, and is running again once no other call of its step waits for a person.
 */
public record RunApprovalDecided(RunId runId, ToolCallId toolCallId, String decision) {}
