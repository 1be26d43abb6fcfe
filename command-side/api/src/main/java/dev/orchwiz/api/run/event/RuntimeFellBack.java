package dev.orchwiz.api.run.event;

import dev.orchwiz.api.id.RunId;

/** The chosen runtime failed before answering, and the run went on with the next one in its chain. */
public record RuntimeFellBack(RunId runId, String from, String to, String reason) {}
