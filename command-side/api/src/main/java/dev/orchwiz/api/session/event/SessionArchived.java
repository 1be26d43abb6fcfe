package dev.orchwiz.api.session.event;

import dev.orchwiz.api.identity.UserId;
import dev.orchwiz.api.session.SessionId;

/** The session left every list; its history stays in the event store. */
public record SessionArchived(SessionId sessionId, UserId by) {}
