package dev.orchwiz.api.toolcall;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/** Where a tool call stands; the last six are final. */
public enum ToolCallStatus implements WireNamed {
    @JsonProperty("requested")
    REQUESTED("requested"),
    @JsonProperty("awaiting_hooks")
    AWAITING_HOOKS("awaiting_hooks"),
    @JsonProperty("awaiting_approval")
    AWAITING_APPROVAL("awaiting_approval"),
    @JsonProperty("approved")
    APPROVED("approved"),
    @JsonProperty("running")
    RUNNING("running"),
    @JsonProperty("completed")
    COMPLETED("completed"),
    @JsonProperty("failed")
    FAILED("failed"),
    @JsonProperty("timed_out")
    TIMED_OUT("timed_out"),
    @JsonProperty("cancelled")
    CANCELLED("cancelled"),
    @JsonProperty("denied")
    DENIED("denied"),
    @JsonProperty("blocked")
    BLOCKED("blocked"),
    @JsonProperty("expired")
    EXPIRED("expired");

    private final String wireName;

    ToolCallStatus(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public boolean isFinal() {
        return ordinal() >= COMPLETED.ordinal();
    }
}
