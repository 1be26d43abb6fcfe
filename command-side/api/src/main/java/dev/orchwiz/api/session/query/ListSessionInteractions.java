package dev.orchwiz.api.session.query;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.read.PagedQuery;

/** A page of a session's timeline, oldest first. */
public record ListSessionInteractions(Actor viewer, SessionId sessionId, int page, int size) implements PagedQuery {}
