package dev.orchwiz.api.run.query;

import dev.orchwiz.api.WireNamed;

/** How notable runs are ranked. */
public enum RunRanking implements WireNamed {
    SLOWEST,
    COSTLIEST
}
