package dev.orchwiz.api.session.event;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.UserId;

/** The project, branch or environment the session works in changed; carries all three as they now are. */
public record SessionWorkspaceChanged(
        SessionId sessionId, String projectName, String branch, String environment, UserId by) {}
