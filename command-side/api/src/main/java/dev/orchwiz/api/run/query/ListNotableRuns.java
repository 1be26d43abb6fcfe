package dev.orchwiz.api.run.query;

import dev.orchwiz.api.identity.Actor;

/** The viewer's slowest or costliest finished runs, worst first. */
public record ListNotableRuns(Actor viewer, RunRanking sort, int size) {}
