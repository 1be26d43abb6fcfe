package dev.orchwiz.api.run.query;

import dev.orchwiz.api.WireNamed;

/** What a usage report groups by. */
public enum UsageGrouping implements WireNamed {
    MODEL,
    TOOL,
    DAY,
    SESSION
}
