package dev.orchwiz.api.run.query;

/** The runs that were calling their model (not waiting for a tool call) as last recorded. */
public record FindRunsInFlight(int limit) {}
