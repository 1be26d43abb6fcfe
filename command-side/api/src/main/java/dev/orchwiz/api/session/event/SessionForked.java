package dev.orchwiz.api.session.event;

import dev.orchwiz.api.identity.UserId;
import dev.orchwiz.api.session.SessionId;

/** Recorded on the parent when a child session was started from it. */
public record SessionForked(SessionId sessionId, SessionId forkId, UserId by) {}
