package dev.orchwiz.api.identity;

/**
 * The event metadata key naming the user an event belongs to: the aggregates write it, and the event stream, the
 * trail and the handlers that act for the owner read it, so it is spelled once.
 */
public final class OwnerMetaData {

    public static final String KEY = "ownerId";

    private OwnerMetaData() {}
}
