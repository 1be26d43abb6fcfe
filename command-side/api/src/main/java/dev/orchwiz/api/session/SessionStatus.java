package dev.orchwiz.api.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/** Where a session stands: {@code planning → executing ⇄ paused}, {@code executing → completed | failed}. */
public enum SessionStatus implements WireNamed {
    @JsonProperty("planning")
    PLANNING,
    @JsonProperty("executing")
    EXECUTING,
    @JsonProperty("paused")
    PAUSED,
    @JsonProperty("completed")
    COMPLETED,
    @JsonProperty("failed")
    FAILED;

    public boolean isClosed() {
        return this == COMPLETED || this == FAILED;
    }
}
