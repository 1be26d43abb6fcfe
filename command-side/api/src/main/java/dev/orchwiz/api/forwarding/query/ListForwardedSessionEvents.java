package dev.orchwiz.api.forwarding.query;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.read.PagedQuery;

/** A remote session's timeline: the events its origin forwarded about it, in the origin's order. */
public record ListForwardedSessionEvents(Actor viewer, String sourceNodeId, String sessionId, int page, int size)
        implements PagedQuery {}
