package dev.orchwiz.api.session.event;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.UserId;

/** Recorded on the parent when a child session was started from it. */
public record SessionForked(SessionId sessionId, SessionId forkId, UserId by) {}
