package dev.orchwiz.api.forwarding;

import dev.orchwiz.api.WireNamed;

/**
 * How much of each event's payload leaves the node for one peer. Credential fields and secret-shaped text never leave,
 * whatever the policy: {@code full} sends the rest, {@code metadata} only identifiers, states, numbers and flags (no
 * free text such as titles, prompts or output), {@code none} only the envelope (type, aggregate, time).
 */
public enum PeerRedaction implements WireNamed {
    FULL,
    METADATA,
    NONE
}
