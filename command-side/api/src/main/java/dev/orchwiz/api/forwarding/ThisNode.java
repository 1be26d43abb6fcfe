package dev.orchwiz.api.forwarding;

/** This node's signing keys live in one aggregate with this id. */
public final class ThisNode {

    public static final String KEYS = "node-keys";

    private ThisNode() {}
}
