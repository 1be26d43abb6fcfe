package dev.orchwiz.api.session.command;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.session.SessionMode;
import dev.orchwiz.api.session.SessionSource;
import java.util.Map;

public record StartSession(
        SessionId sessionId,
        Actor actor,
        String title,
        String description,
        String prompt,
        SessionMode mode,
        SessionSource source,
        String projectName,
        String branch,
        String environment,
        Map<String, Object> metadata,
        String runtime,
        String model) {}
