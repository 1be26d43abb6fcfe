package dev.orchwiz.api.run.event;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.id.ToolCallId;

/** A tool call of the run waits for a decision by a person; the run resumes when it is decided. */
public record RunAwaitingApproval(RunId runId, ToolCallId toolCallId) {}
