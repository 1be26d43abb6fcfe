package dev.orchwiz.api.permission;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/** Where a stored rule applies: the whole node (admins only), one user's calls, one subagent's, or one session's. */
public enum RuleScope implements WireNamed {
    @JsonProperty("global")
    GLOBAL,
    @JsonProperty("user")
    USER,
    @JsonProperty("subagent")
    SUBAGENT,
    @JsonProperty("session")
    SESSION;
}
