package dev.orchwiz.api.toolcall;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/** Where a tool call stands; the last six are final. */
public enum ToolCallStatus implements WireNamed {
    @JsonProperty("requested")
    REQUESTED,
    @JsonProperty("awaiting_hooks")
    AWAITING_HOOKS,
    @JsonProperty("awaiting_approval")
    AWAITING_APPROVAL,
    @JsonProperty("approved")
    APPROVED,
    @JsonProperty("running")
    RUNNING,
    @JsonProperty("completed")
    COMPLETED,
    @JsonProperty("failed")
    FAILED,
    @JsonProperty("timed_out")
    TIMED_OUT,
    @JsonProperty("cancelled")
    CANCELLED,
    @JsonProperty("denied")
    DENIED,
    @JsonProperty("blocked")
    BLOCKED,
    @JsonProperty("expired")
    EXPIRED;

    public boolean isFinal() {
        return ordinal() >= COMPLETED.ordinal();
    }
}
