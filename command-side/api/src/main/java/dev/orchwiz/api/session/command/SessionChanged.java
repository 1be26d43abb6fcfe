package dev.orchwiz.api.session.command;

import dev.orchwiz.api.id.SessionId;

/** What a session command answers: the session and its version after the change (the HTTP ETag). */
public record SessionChanged(SessionId sessionId, long version) {}
