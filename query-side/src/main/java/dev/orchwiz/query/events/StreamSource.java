package dev.orchwiz.query.events;

/**
 * Whose events a stream carries: {@code local} (this node's, the default), {@code all} (this node's and what other
 * nodes forwarded) or one node id (only what that node forwarded). Forwarded events are the node's, not a user's, so
 * only admins ask for them.
 */
record StreamSource(String name) {

    static final String LOCAL = "local";
    static final String ALL = "all";

    static StreamSource of(String raw) {
        return new StreamSource(raw == null || raw.isBlank() ? LOCAL : raw.strip());
    }

    boolean local() {
        return LOCAL.equals(name) || ALL.equals(name);
    }

    boolean forwarded() {
        return !LOCAL.equals(name);
    }

    /** The one origin asked for, or null for every origin (or none). */
    String origin() {
        return local() ? null : name;
    }
}
