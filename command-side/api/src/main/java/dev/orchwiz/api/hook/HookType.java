package dev.orchwiz.api.hook;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/** How a hook reacts: an HTTP call or a sandboxed command. */
public enum HookType implements WireNamed {
    @JsonProperty("webhook")
    WEBHOOK,
    @JsonProperty("command")
    COMMAND;
}
