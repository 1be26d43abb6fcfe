package dev.orchwiz.api.session.query;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.session.SessionId;

/** One session with its latest interactions; empty when it does not exist, is archived, or is not the viewer's. */
public record FindSession(Actor viewer, SessionId sessionId) {}
