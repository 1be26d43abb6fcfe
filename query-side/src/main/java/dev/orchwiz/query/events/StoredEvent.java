package dev.orchwiz.query.events;

/** One row of the event store as the stream needs it; payload and metadata stay the JSON they were stored as. */
public record StoredEvent(
        long position,
        String eventId,
        String type,
        String aggregateId,
        long aggregateVersion,
        String timestamp,
        String ownerId,
        String payloadJson) {}
