package dev.orchwiz.api.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

public enum SignInMethod implements WireNamed {
    @JsonProperty("email_link")
    EMAIL_LINK("email_link"),
    @JsonProperty("passkey")
    PASSKEY("passkey"),
    @JsonProperty("api_token")
    API_TOKEN("api_token");

    private final String wireName;

    SignInMethod(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
