package dev.orchwiz.api.forwarding;

import dev.orchwiz.api.WireNamed;

/** Where a node runs: on a person's machine, in the cloud, or both (a local node that also serves a team). */
public enum NodeType implements WireNamed {
    LOCAL,
    CLOUD,
    HYBRID
}
