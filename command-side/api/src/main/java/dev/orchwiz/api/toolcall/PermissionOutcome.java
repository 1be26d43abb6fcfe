package dev.orchwiz.api.toolcall;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/** What a rule says about a matching tool call; ordered from weakest to strongest (deny beats ask beats allow). */
public enum PermissionOutcome implements WireNamed {
    @JsonProperty("allow")
    ALLOW,
    @JsonProperty("ask")
    ASK,
    @JsonProperty("deny")
    DENY;

    /** The stronger of two outcomes: the one a conflict resolves to. */
    public PermissionOutcome strongest(PermissionOutcome other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
