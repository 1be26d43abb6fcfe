package dev.orchwiz.api.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

public enum SignInMethod implements WireNamed {
    @JsonProperty("email_link")
    EMAIL_LINK,
    @JsonProperty("passkey")
    PASSKEY,
    @JsonProperty("api_token")
    API_TOKEN;
}
