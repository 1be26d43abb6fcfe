package dev.orchwiz.api.forwarding.query;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.read.PagedQuery;

/** Remote sessions, one per origin and session; {@code sourceNodeId} (optional) keeps one origin's. */
public record ListForwardedSessions(Actor viewer, String sourceNodeId, int page, int size) implements PagedQuery {}
