package dev.orchwiz.api.run.event;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.id.UserId;

/** Someone stopped the run. */
public record RunCancelled(RunId runId, UserId by) {}
