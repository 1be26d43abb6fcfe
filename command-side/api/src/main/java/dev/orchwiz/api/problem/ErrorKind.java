package dev.orchwiz.api.problem;

/** What kind of failure an error code is, so that each edge can map it without knowing every code. */
public enum ErrorKind {
    /** The request itself is wrong. */
    INVALID,
    /** The thing does not exist for this caller (also used to hide other users' things). */
    NOT_FOUND,
    /** The thing exists but its state does not allow the request. */
    CONFLICT,
    /** The caller decided on an outdated version. */
    STALE,
    /** The node cannot serve this right now; retrying later may work. */
    UNAVAILABLE,
    /** The caller is not signed in, or its credentials are not valid. */
    UNAUTHENTICATED,
    /** The caller is known but may not do this (for example a token without the scope). */
    FORBIDDEN,
    /** Too many attempts in a short time. */
    RATE_LIMITED,
    /** The request is larger than this node takes in one go (a batch of too many items). */
    TOO_LARGE,
    /** The part of a sequence asked for is not there (yet): a range beyond what this node holds. */
    RANGE_NOT_AVAILABLE
}
