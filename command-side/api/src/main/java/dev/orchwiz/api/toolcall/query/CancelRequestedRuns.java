package dev.orchwiz.api.toolcall.query;

import java.util.List;

/** Ids of running calls to stop. */
public record CancelRequestedRuns(List<String> toolCallIds) {}
