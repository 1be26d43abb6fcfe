package dev.orchwiz.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC engine, reading each event's timestamp with {@link EventTime} instead of {@code DateTimeFormatter}.
 * The rows it builds are Axon's own ({@code getTrackedEventData} and {@code getDomainEventData} as in Axon 4.13,
 * gap handling included); only their entries parse the stored text faster, once, and keep the instant.
 */
final class TimedJdbcEventStorageEngine extends JdbcEventStorageEngine {

    /** The gap settings the engine is built with; Axon keeps its own copies private, the tracked path needs them. */
    record Gaps(long lowestGlobalSequence, int maxGapOffset, int timeoutMillis, int cleaningThreshold) {}

    private final Gaps gaps;
    private volatile int gapTimeoutMillis;

    private TimedJdbcEventStorageEngine(JdbcEventStorageEngine.Builder builder, Gaps gaps) {
        super(builder);
        this.gaps = gaps;
        this.gapTimeoutMillis = gaps.timeoutMillis();
    }

    /** The engine {@code builder} describes, with {@code gaps} set on it. */
    static TimedJdbcEventStorageEngine build(JdbcEventStorageEngine.Builder builder, Gaps gaps) {
        builder.lowestGlobalSequence(gaps.lowestGlobalSequence());
        builder.maxGapOffset(gaps.maxGapOffset());
        builder.gapTimeout(gaps.timeoutMillis());
        builder.gapCleaningThreshold(gaps.cleaningThreshold());
        return new TimedJdbcEventStorageEngine(builder, gaps);
    }

    @Override
    public void setGapTimeout(int gapTimeout) {
        super.setGapTimeout(gapTimeout);
        this.gapTimeoutMillis = gapTimeout;
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        EventSchema schema = schema();
        long globalSequence = resultSet.getLong(schema.globalIndexColumn());
        TimedEntry<?> event = entry(resultSet, schema);
        Instant gapTimeoutFrame = GenericEventMessage.clock.instant().minus(gapTimeoutMillis, ChronoUnit.MILLIS);
        boolean allowGaps = event.getTimestamp().isAfter(gapTimeoutFrame);
        GapAwareTrackingToken token;
        if (previousToken == null) {
            SortedSet<Long> missing = allowGaps
                    ? LongStream.range(Math.min(gaps.lowestGlobalSequence(), globalSequence), globalSequence)
                            .boxed()
                            .collect(Collectors.toCollection(TreeSet::new))
                    : Collections.emptySortedSet();
            token = GapAwareTrackingToken.newInstance(globalSequence, missing);
        } else {
            token = previousToken.advanceTo(globalSequence, allowGaps ? gaps.maxGapOffset() : 0);
        }
        return new TrackedDomainEventData<>(token, event);
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        return entry(resultSet, schema());
    }

    private TimedEntry<?> entry(ResultSet resultSet, EventSchema schema) throws SQLException {
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        return new TimedEntry<>(
                resultSet.getString(schema.typeColumn()),
                // Axon stores an event without an aggregate under its own identifier; it reads back as none.
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()),
                eventIdentifier,
                resultSet.getString(schema.timestampColumn()),
                resultSet.getString(schema.payloadTypeColumn()),
                resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()),
                readPayload(resultSet, schema.metaDataColumn()));
    }

    /** Axon's entry, parsing its stored text with {@link EventTime} once instead of with Axon's parser on each ask. */
    static final class TimedEntry<T> extends GenericDomainEventEntry<T> {

        private final String timestampText;
        private Instant timestamp;

        TimedEntry(
                String type,
                String aggregateIdentifier,
                long sequenceNumber,
                String eventIdentifier,
                String timestampText,
                String payloadType,
                String payloadRevision,
                T payload,
                T metaData) {
            super(
                    type,
                    aggregateIdentifier,
                    sequenceNumber,
                    eventIdentifier,
                    timestampText,
                    payloadType,
                    payloadRevision,
                    payload,
                    metaData);
            this.timestampText = timestampText;
        }

        @Override
        public Instant getTimestamp() {
            // One thread reads an entry; a race would only parse the same text twice.
            Instant parsed = timestamp;
            if (parsed == null) {
                parsed = EventTime.parse(timestampText);
                timestamp = parsed;
            }
            return parsed;
        }
    }
}
