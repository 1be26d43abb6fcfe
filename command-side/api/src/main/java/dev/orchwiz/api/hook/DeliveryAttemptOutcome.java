package dev.orchwiz.api.hook;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/** How one delivery attempt ended: delivered, failed (retried), or refused by the target policy (not retried). */
public enum DeliveryAttemptOutcome implements WireNamed {
    @JsonProperty("delivered")
    DELIVERED,
    @JsonProperty("failed")
    FAILED,
    @JsonProperty("refused")
    REFUSED;
}
