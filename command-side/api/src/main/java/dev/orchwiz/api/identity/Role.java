package dev.orchwiz.api.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/** What a user may do on a node: members see their own things, admins see and manage everything. */
public enum Role implements WireNamed {
    @JsonProperty("admin")
    ADMIN("admin"),
    @JsonProperty("member")
    MEMBER("member");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
