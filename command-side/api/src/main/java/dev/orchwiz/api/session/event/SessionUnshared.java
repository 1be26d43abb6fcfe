package dev.orchwiz.api.session.event;

import dev.orchwiz.api.identity.UserId;
import dev.orchwiz.api.session.SessionId;

public record SessionUnshared(SessionId sessionId, UserId by) {}
