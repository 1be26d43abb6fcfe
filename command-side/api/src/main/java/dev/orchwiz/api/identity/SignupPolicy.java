package dev.orchwiz.api.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/** Who may create an account by proving an email address. */
public enum SignupPolicy implements WireNamed {
    /** Anyone who can receive mail at the address. */
    @JsonProperty("open")
    OPEN("open"),
    /** Only addresses an admin invited. */
    @JsonProperty("invite")
    INVITE("invite"),
    /** Nobody new. */
    @JsonProperty("closed")
    CLOSED("closed");

    private final String wireName;

    SignupPolicy(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
