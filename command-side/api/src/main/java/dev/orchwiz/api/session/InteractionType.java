package dev.orchwiz.api.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/** What an entry of a session's timeline is. */
public enum InteractionType implements WireNamed {
    @JsonProperty("user_input")
    USER_INPUT,
    @JsonProperty("ai_response")
    AI_RESPONSE,
    @JsonProperty("tool_use")
    TOOL_USE,
    @JsonProperty("error")
    ERROR;
}
