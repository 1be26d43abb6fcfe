package dev.orchwiz.api.toolcall;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/** What a rule says about a matching tool call; ordered from weakest to strongest (deny beats ask beats allow). */
public enum PermissionOutcome implements WireNamed {
    @JsonProperty("allow")
    ALLOW("allow"),
    @JsonProperty("ask")
    ASK("ask"),
    @JsonProperty("deny")
    DENY("deny");

    private final String wireName;

    PermissionOutcome(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** The stronger of two outcomes: the one a conflict resolves to. */
    public PermissionOutcome strongest(PermissionOutcome other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
