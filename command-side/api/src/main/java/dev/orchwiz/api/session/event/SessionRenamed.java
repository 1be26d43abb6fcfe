package dev.orchwiz.api.session.event;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.UserId;

public record SessionRenamed(SessionId sessionId, String title, UserId by) {}
