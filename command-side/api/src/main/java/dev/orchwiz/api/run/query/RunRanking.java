package dev.orchwiz.api.run.query;

/** How notable runs are ranked. */
public enum RunRanking {
    SLOWEST,
    COSTLIEST
}
