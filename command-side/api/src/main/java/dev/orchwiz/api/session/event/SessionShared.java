package dev.orchwiz.api.session.event;

import dev.orchwiz.api.identity.UserId;
import dev.orchwiz.api.session.SessionId;

public record SessionShared(SessionId sessionId, UserId by) {}
