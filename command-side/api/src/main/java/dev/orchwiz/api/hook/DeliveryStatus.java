package dev.orchwiz.api.hook;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/** Where a webhook delivery stands. */
public enum DeliveryStatus implements WireNamed {
    @JsonProperty("pending")
    PENDING("pending"),
    @JsonProperty("delivered")
    DELIVERED("delivered"),
    @JsonProperty("retrying")
    RETRYING("retrying"),
    @JsonProperty("dead_lettered")
    DEAD_LETTERED("dead_lettered");

    private final String wireName;

    DeliveryStatus(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
