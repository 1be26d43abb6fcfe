package dev.orchwiz.api.session.event;

import dev.orchwiz.api.identity.UserId;
import dev.orchwiz.api.session.SessionId;

/** The session left planning and is executing. */
public record SessionExecutionStarted(SessionId sessionId, UserId by) {}
