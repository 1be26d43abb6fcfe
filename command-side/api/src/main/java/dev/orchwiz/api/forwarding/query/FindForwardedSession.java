package dev.orchwiz.api.forwarding.query;

import dev.orchwiz.api.identity.Actor;

/** One remote session as its origin forwarded it. */
public record FindForwardedSession(Actor viewer, String sourceNodeId, String sessionId) {}
