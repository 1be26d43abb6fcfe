package dev.orchwiz.api.toolcall;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/**
 * What a PreToolUse hook said about a call: let it go on, block it, or fail to answer (which blocks unless the hook is
 * configured {@code onFailure: allow}).
 */
public enum HookVerdict implements WireNamed {
    @JsonProperty("allow")
    ALLOW("allow"),
    @JsonProperty("block")
    BLOCK("block"),
    @JsonProperty("error")
    ERROR("error");

    private final String wireName;

    HookVerdict(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
