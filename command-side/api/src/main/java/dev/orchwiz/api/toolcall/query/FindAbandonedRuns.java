package dev.orchwiz.api.toolcall.query;

import java.time.Instant;
import java.util.Set;

/** Calls still running that no live runner holds: started before {@code startedBefore} by a runner not in the set. */
public record FindAbandonedRuns(Set<String> liveRunners, Instant startedBefore, int limit) {}
