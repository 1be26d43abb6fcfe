package dev.orchwiz.api.hook;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/** How a hook reacts: an HTTP call or a sandboxed command. */
public enum HookType implements WireNamed {
    @JsonProperty("webhook")
    WEBHOOK("webhook"),
    @JsonProperty("command")
    COMMAND("command");

    private final String wireName;

    HookType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
