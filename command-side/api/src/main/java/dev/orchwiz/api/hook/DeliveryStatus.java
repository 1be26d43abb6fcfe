package dev.orchwiz.api.hook;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/** Where a webhook delivery stands. */
public enum DeliveryStatus implements WireNamed {
    @JsonProperty("pending")
    PENDING,
    @JsonProperty("delivered")
    DELIVERED,
    @JsonProperty("retrying")
    RETRYING,
    @JsonProperty("dead_lettered")
    DEAD_LETTERED;
}
