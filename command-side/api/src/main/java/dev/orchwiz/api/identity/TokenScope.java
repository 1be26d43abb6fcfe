package dev.orchwiz.api.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/** What an API token may do: read answers GETs, write also changes things, admin also administers the node. */
public enum TokenScope implements WireNamed {
    @JsonProperty("read")
    READ,
    @JsonProperty("write")
    WRITE,
    @JsonProperty("admin")
    ADMIN;
}
