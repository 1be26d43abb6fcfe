package dev.orchwiz.api.toolcall;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/** Why an allowed call did not run: the node's execution gate or a PreToolUse hook. */
public enum BlockCause implements WireNamed {
    @JsonProperty("gate")
    GATE,
    @JsonProperty("hook")
    HOOK;
}
