package dev.orchwiz.api.run.query;

/** What a usage report groups by. */
public enum UsageGrouping {
    MODEL,
    TOOL,
    DAY,
    SESSION
}
