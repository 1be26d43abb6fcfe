package dev.orchwiz.api.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/** Where a session was opened from. */
public enum SessionSource implements WireNamed {
    @JsonProperty("local")
    LOCAL,
    @JsonProperty("web")
    WEB,
    @JsonProperty("ios")
    IOS,
    @JsonProperty("terminal_handoff")
    TERMINAL_HANDOFF;
}
