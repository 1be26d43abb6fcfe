package dev.orchwiz.api.toolcall.query;

import java.time.Instant;
import java.util.List;

/** Runs whose runner went away without recording how they ended. */
public record AbandonedRuns(List<AbandonedRun> runs) {

    public record AbandonedRun(String toolCallId, String runner, Instant startedAt) {}
}
