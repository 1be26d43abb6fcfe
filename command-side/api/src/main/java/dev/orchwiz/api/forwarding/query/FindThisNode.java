package dev.orchwiz.api.forwarding.query;

/** This node's id, current signing key, every key it ever had, and how far its event store has come. */
public record FindThisNode() {}
