package dev.orchwiz.api.run.query;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.identity.Actor;

public record FindRun(Actor viewer, RunId runId, Long minVersion) {}
