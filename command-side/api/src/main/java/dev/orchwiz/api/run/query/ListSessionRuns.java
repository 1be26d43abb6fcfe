package dev.orchwiz.api.run.query;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.read.PagedQuery;

public record ListSessionRuns(Actor viewer, SessionId sessionId, int page, int size) implements PagedQuery {}
