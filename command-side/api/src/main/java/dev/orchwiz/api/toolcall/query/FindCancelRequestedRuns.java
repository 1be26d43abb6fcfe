package dev.orchwiz.api.toolcall.query;

/** The calls this runner is running whose cancellation was asked for, on whichever node that happened. */
public record FindCancelRequestedRuns(String runner) {}
