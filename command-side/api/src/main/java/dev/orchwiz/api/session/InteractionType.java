package dev.orchwiz.api.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/** What an entry of a session's timeline is. */
public enum InteractionType implements WireNamed {
    @JsonProperty("user_input")
    USER_INPUT("user_input"),
    @JsonProperty("ai_response")
    AI_RESPONSE("ai_response"),
    @JsonProperty("tool_use")
    TOOL_USE("tool_use"),
    @JsonProperty("error")
    ERROR("error");

    private final String wireName;

    InteractionType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
