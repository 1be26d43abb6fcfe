package dev.orchwiz.api.identity.event;

/** An address presented the setup code; it becomes admin when verified. */
public record AdminClaimed(String nodeId, String email) {}
