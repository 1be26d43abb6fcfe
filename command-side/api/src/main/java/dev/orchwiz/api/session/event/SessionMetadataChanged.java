package dev.orchwiz.api.session.event;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.UserId;
import java.util.Map;

public record SessionMetadataChanged(SessionId sessionId, Map<String, Object> metadata, UserId by) {}
