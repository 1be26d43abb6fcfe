package dev.orchwiz.api.session.query;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.read.PagedQuery;
import dev.orchwiz.api.session.SessionMode;
import dev.orchwiz.api.session.SessionSource;
import dev.orchwiz.api.session.SessionStatus;
import java.util.Set;

/**
 * A page of the sessions the viewer may see, newest activity first; empty or null filters match everything. With
 * {@code includeForwarded} (admins only: forwarded sessions are the node's) the sessions other nodes forwarded are
 * listed among the local ones, one row per remote session; {@code sourceNodeId} keeps one node's rows ({@value
 * #LOCAL} for this node's own).
 */
public record ListSessions(
        Actor viewer,
        Set<SessionStatus> statuses,
        SessionMode mode,
        SessionSource source,
        String text,
        boolean includeForwarded,
        String sourceNodeId,
        int page,
        int size)
        implements PagedQuery {

    /** The source of this node's own rows. */
    public static final String LOCAL = "local";

    /** This node's sessions only, as before forwarding. */
    public ListSessions(
            Actor viewer,
            Set<SessionStatus> statuses,
            SessionMode mode,
            SessionSource source,
            String text,
            int page,
            int size) {
        this(viewer, statuses, mode, source, text, false, null, page, size);
    }

    public boolean wantsLocal() {
        return sourceNodeId == null || LOCAL.equals(sourceNodeId);
    }

    public boolean wantsForwarded() {
        return (includeForwarded || sourceNodeId != null) && !LOCAL.equals(sourceNodeId);
    }
}
