package dev.orchwiz.api.permission;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/** Where a stored rule applies: the whole node (admins only), one user's calls, one subagent's, or one session's. */
public enum RuleScope implements WireNamed {
    @JsonProperty("global")
    GLOBAL("global"),
    @JsonProperty("user")
    USER("user"),
    @JsonProperty("subagent")
    SUBAGENT("subagent"),
    @JsonProperty("session")
    SESSION("session");

    private final String wireName;

    RuleScope(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
