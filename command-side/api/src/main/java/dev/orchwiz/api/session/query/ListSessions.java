package dev.orchwiz.api.session.query;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.session.SessionMode;
import dev.orchwiz.api.session.SessionSource;
import dev.orchwiz.api.session.SessionStatus;
import java.util.Set;

/** A page of the sessions the viewer may see, newest activity first; empty or null filters match everything. */
public record ListSessions(
        Actor viewer,
        Set<SessionStatus> statuses,
        SessionMode mode,
        SessionSource source,
        String text,
        int page,
        int size) {}
