package dev.orchwiz.api.session.event;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.session.SessionMode;

public record SessionModeChanged(SessionId sessionId, SessionMode from, SessionMode to, UserId by) {}
