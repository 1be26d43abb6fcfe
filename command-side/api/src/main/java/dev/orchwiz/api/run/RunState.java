package dev.orchwiz.api.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/** Where a run stands; the last three are final. */
public enum RunState implements WireNamed {
    @JsonProperty("running")
    RUNNING,
    @JsonProperty("awaiting_approval")
    AWAITING_APPROVAL,
    @JsonProperty("completed")
    COMPLETED,
    @JsonProperty("failed")
    FAILED,
    @JsonProperty("cancelled")
    CANCELLED;

    public boolean isFinal() {
        return ordinal() >= COMPLETED.ordinal();
    }
}
