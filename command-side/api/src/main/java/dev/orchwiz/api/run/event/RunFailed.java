package dev.orchwiz.api.run.event;

import dev.orchwiz.api.id.RunId;

/** The run ended without an answer; {@code code} is a {@link dev.orchwiz.api.run.RunFailure} name. */
public record RunFailed(RunId runId, String code, String reason) {}
