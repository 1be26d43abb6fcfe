package dev.orchwiz.api.toolcall;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/** A person's answer to an approval request. */
public enum ApprovalDecision implements WireNamed {
    @JsonProperty("approve")
    APPROVE,
    @JsonProperty("deny")
    DENY;
}
