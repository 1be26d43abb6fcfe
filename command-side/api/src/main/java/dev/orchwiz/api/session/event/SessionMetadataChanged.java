package dev.orchwiz.api.session.event;

import dev.orchwiz.api.identity.UserId;
import dev.orchwiz.api.session.SessionId;
import java.util.Map;

public record SessionMetadataChanged(SessionId sessionId, Map<String, Object> metadata, UserId by) {}
