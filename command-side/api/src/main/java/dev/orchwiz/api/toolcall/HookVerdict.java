package dev.orchwiz.api.toolcall;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/**
 * What a PreToolUse hook said about a call: let it go on, block it, or fail to answer (which blocks unless the hook is
 * configured {@code onFailure: allow}).
 */
public enum HookVerdict implements WireNamed {
    @JsonProperty("allow")
    ALLOW,
    @JsonProperty("block")
    BLOCK,
    @JsonProperty("error")
    ERROR;
}
