package dev.orchwiz.api.hook;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/** The Claude Code hook events OrchWiz fires. */
public enum HookEventName implements WireNamed {
    @JsonProperty("PreToolUse")
    PRE_TOOL_USE("PreToolUse"),
    @JsonProperty("PostToolUse")
    POST_TOOL_USE("PostToolUse");

    private final String wireName;

    HookEventName(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
