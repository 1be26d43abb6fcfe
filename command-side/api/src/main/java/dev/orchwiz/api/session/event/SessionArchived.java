package dev.orchwiz.api.session.event;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.UserId;

/** The session left every list; its history stays in the event store. */
public record SessionArchived(SessionId sessionId, UserId by) {}
