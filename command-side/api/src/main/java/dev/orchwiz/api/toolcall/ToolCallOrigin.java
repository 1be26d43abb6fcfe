package dev.orchwiz.api.toolcall;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/** Who asked for a tool call. */
public enum ToolCallOrigin implements WireNamed {
    @JsonProperty("runtime")
    RUNTIME("runtime"),
    @JsonProperty("slash_command")
    SLASH_COMMAND("slash_command"),
    @JsonProperty("hook")
    HOOK("hook");

    private final String wireName;

    ToolCallOrigin(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
