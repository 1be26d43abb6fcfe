package dev.orchwiz.api.run.command;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.run.RunState;

/** What a run command answers: the run, its state and its version after the change, a read's {@code minVersion}. */
public record RunChanged(RunId runId, RunState state, long version) {}
