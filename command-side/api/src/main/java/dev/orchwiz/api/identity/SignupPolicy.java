package dev.orchwiz.api.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/** Who may create an account by proving an email address. */
public enum SignupPolicy implements WireNamed {
    /** Anyone who can receive mail at the address. */
    @JsonProperty("open")
    OPEN,
    /** Only addresses an admin invited. */
    @JsonProperty("invite")
    INVITE,
    /** Nobody new. */
    @JsonProperty("closed")
    CLOSED;
}
