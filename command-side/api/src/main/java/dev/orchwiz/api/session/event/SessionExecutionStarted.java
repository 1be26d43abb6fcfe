package dev.orchwiz.api.session.event;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.UserId;

/** The session left planning and is executing. */
public record SessionExecutionStarted(SessionId sessionId, UserId by) {}
