package dev.orchwiz.api.session.query;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.identity.Actor;

/** One session with its latest interactions; empty when it does not exist, is archived, or is not the viewer's. */
public record FindSession(Actor viewer, SessionId sessionId) {}
