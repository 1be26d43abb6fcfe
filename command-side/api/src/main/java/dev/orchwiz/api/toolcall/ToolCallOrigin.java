package dev.orchwiz.api.toolcall;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/** Who asked for a tool call. */
public enum ToolCallOrigin implements WireNamed {
    @JsonProperty("runtime")
    RUNTIME,
    @JsonProperty("slash_command")
    SLASH_COMMAND,
    @JsonProperty("hook")
    HOOK;
}
