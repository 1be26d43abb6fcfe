package dev.orchwiz.api.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/** What a user may do on a node: members see their own things, admins see and manage everything. */
public enum Role implements WireNamed {
    @JsonProperty("admin")
    ADMIN,
    @JsonProperty("member")
    MEMBER;
}
