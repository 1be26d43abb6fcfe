package dev.orchwiz.api.session.event;

import dev.orchwiz.api.identity.UserId;
import dev.orchwiz.api.session.SessionId;

public record SessionFailed(SessionId sessionId, String reason, UserId by) {}
