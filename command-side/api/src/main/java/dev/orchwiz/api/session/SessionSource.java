package dev.orchwiz.api.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/** Where a session was opened from. */
public enum SessionSource implements WireNamed {
    @JsonProperty("local")
    LOCAL("local"),
    @JsonProperty("web")
    WEB("web"),
    @JsonProperty("ios")
    IOS("ios"),
    @JsonProperty("terminal_handoff")
    TERMINAL_HANDOFF("terminal_handoff");

    private final String wireName;

    SessionSource(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
