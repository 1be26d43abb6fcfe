package dev.orchwiz.api.session.event;

import dev.orchwiz.api.identity.UserId;
import dev.orchwiz.api.session.SessionId;
import dev.orchwiz.api.session.SessionMode;

public record SessionModeChanged(SessionId sessionId, SessionMode from, SessionMode to, UserId by) {}
