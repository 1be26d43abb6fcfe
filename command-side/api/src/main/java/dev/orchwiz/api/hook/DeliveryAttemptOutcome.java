package dev.orchwiz.api.hook;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/** How one delivery attempt ended: delivered, failed (retried), or refused by the target policy (not retried). */
public enum DeliveryAttemptOutcome implements WireNamed {
    @JsonProperty("delivered")
    DELIVERED("delivered"),
    @JsonProperty("failed")
    FAILED("failed"),
    @JsonProperty("refused")
    REFUSED("refused");

    private final String wireName;

    DeliveryAttemptOutcome(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
