package dev.orchwiz.api.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/** Where a session stands: {@code planning → executing ⇄ paused}, {@code executing → completed | failed}. */
public enum SessionStatus implements WireNamed {
    @JsonProperty("planning")
    PLANNING("planning"),
    @JsonProperty("executing")
    EXECUTING("executing"),
    @JsonProperty("paused")
    PAUSED("paused"),
    @JsonProperty("completed")
    COMPLETED("completed"),
    @JsonProperty("failed")
    FAILED("failed");

    private final String wireName;

    SessionStatus(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public boolean isClosed() {
        return this == COMPLETED || this == FAILED;
    }
}
