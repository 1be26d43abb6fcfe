package dev.orchwiz.api.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/** Where a run stands; the last three are final. */
public enum RunState implements WireNamed {
    @JsonProperty("running")
    RUNNING("running"),
    @JsonProperty("awaiting_approval")
    AWAITING_APPROVAL("awaiting_approval"),
    @JsonProperty("completed")
    COMPLETED("completed"),
    @JsonProperty("failed")
    FAILED("failed"),
    @JsonProperty("cancelled")
    CANCELLED("cancelled");

    private final String wireName;

    RunState(String wireName) {
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
