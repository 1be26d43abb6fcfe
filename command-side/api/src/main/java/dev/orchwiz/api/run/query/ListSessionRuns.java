package dev.orchwiz.api.run.query;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.identity.Actor;

public record ListSessionRuns(Actor viewer, SessionId sessionId, int page, int size) {}
